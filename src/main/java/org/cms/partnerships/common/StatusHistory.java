package org.cms.partnerships.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A status history (agreement_status_change, work_plan_status_change, activity_status_change) and its
 * superseded_at column (V20_1): when the next change of the same record, in the order (changed_at, id),
 * replaced a row; NULL on the latest. FactsService reads "the status as at a date" as a predicate on it
 * instead of ranking every change up to the date, so every change is recorded through {@link #record},
 * which keeps the column in the transaction that writes the row.
 * Each writer first updates the record's own row (its status), which locks it until the transaction
 * ends: two changes of one record are never kept interleaved (each would leave its row the latest).
 */
public record StatusHistory(String table, String subjectColumn) {

    public static final StatusHistory AGREEMENTS = new StatusHistory("agreement_status_change", "agreement_id");
    public static final StatusHistory WORK_PLANS = new StatusHistory("work_plan_status_change", "work_plan_id");
    public static final StatusHistory ACTIVITIES = new StatusHistory("activity_status_change", "activity_id");

    /**
     * Records a change of {@code subjectId} from {@code from} (null: its first status) to {@code to} at
     * {@code at}: supersedes the row it comes after, and returns the INSERT of its own row with the subject,
     * the statuses, the date and its superseded_at bound; {@code otherColumns} are the table's further
     * columns, which the caller binds under their own names before {@code update()}.
     */
    public JdbcClient.StatementSpec record(JdbcClient jdbc, long subjectId, Enum<?> from, Enum<?> to, Instant at,
                                           String... otherColumns) {
        supersede(jdbc, subjectId, at);
        String columns = Arrays.stream(otherColumns).map(c -> ", " + c).collect(Collectors.joining());
        String values = Arrays.stream(otherColumns).map(c -> ", :" + c).collect(Collectors.joining());
        return jdbc.sql("""
                INSERT INTO %1$s (%2$s, from_status, to_status, changed_at, superseded_at%3$s)
                VALUES (:subjectId, :from, :to, :at, %4$s%5$s)""".formatted(table, subjectColumn, columns, supersededAt(), values))
                .param("subjectId", subjectId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("at", Timestamp.from(at));
    }

    /**
     * Before a change at {@code at} is inserted: the row it comes after (the latest, or for a change entered
     * after the fact the last one up to {@code at}) is superseded at {@code at}. Rows before that one were
     * superseded no later than it began, so only it matches.
     */
    private void supersede(JdbcClient jdbc, long subjectId, Instant at) {
        jdbc.sql("""
                UPDATE %1$s SET superseded_at = :at
                WHERE %2$s = :subjectId AND changed_at <= :at AND (superseded_at IS NULL OR superseded_at > :at)"""
                .formatted(table, subjectColumn))
                .param("at", Timestamp.from(at)).param("subjectId", subjectId).update();
    }

    /**
     * The superseded_at of the row being inserted: the first change recorded after it (a change entered after
     * the fact), or none. A change at the same instant was recorded before it (a smaller id) and comes first.
     */
    private String supersededAt() {
        return "(SELECT MIN(n.changed_at) FROM %1$s n WHERE n.%2$s = :subjectId AND n.changed_at > :at)"
                .formatted(table, subjectColumn);
    }
}
