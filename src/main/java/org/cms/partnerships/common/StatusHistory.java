package org.cms.partnerships.common;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The superseded_at column of the status histories (agreement_status_change, work_plan_status_change,
 * activity_status_change; V20_1): when the next change of the same record, in the order (changed_at, id),
 * replaced a row; NULL on the latest. FactsService reads "the status as at a date" as a predicate on it
 * instead of ranking every change up to the date, so every writer of a history row keeps it, in the
 * transaction that writes the row: {@link #supersede} before the insert, {@link #supersededAt} in it.
 * Each writer first updates the record's own row (its status), which locks it until the transaction
 * ends: two changes of one record are never kept interleaved (each would leave its row the latest).
 */
public final class StatusHistory {

    /**
     * The superseded_at of a row being inserted into {@code %1$s} for subject {@code %2$s = :subjectId} at
     * {@code :at}: the first change recorded after it (a change entered after the fact), or none. A change
     * at the same instant was recorded before it (a smaller id) and comes first.
     */
    private static final String SUPERSEDED_AT = "(SELECT MIN(n.changed_at) FROM %1$s n WHERE n.%2$s = :subjectId AND n.changed_at > :at)";

    private StatusHistory() {
    }

    /**
     * Before a change of {@code subjectId} at {@code at} is inserted into {@code table}: the row it comes
     * after (the latest, or for a change entered after the fact the last one up to {@code at}) is superseded
     * at {@code at}. Rows before that one were superseded no later than it began, so only it matches.
     */
    public static void supersede(JdbcClient jdbc, String table, String subjectColumn, long subjectId, Instant at) {
        jdbc.sql("""
                UPDATE %1$s SET superseded_at = :at
                WHERE %2$s = :subjectId AND changed_at <= :at AND (superseded_at IS NULL OR superseded_at > :at)"""
                .formatted(table, subjectColumn))
                .param("at", Timestamp.from(at)).param("subjectId", subjectId).update();
    }

    /** {@link #SUPERSEDED_AT} for this table and subject column. */
    public static String supersededAt(String table, String subjectColumn) {
        return SUPERSEDED_AT.formatted(table, subjectColumn);
    }
}
