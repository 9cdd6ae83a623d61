package org.cms.partnerships.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Language;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification log. Each write commits on its own: when a job fails after some e-mails went out,
 * the engine's transaction rolls back but the record of what was sent stays, so the retry sends only
 * the rest. Writes and the once-per-recipient read go through the log's own pool
 * ({@link NotificationLogPool}), never a second connection of the main pool; the reads for the API and
 * pages use the caller's.
 */
@Repository
public class NotificationLog implements DeliveryLog {

    /** Message keys read per query by {@link #statusesOf}. */
    private static final int STATUS_CHUNK = 200;

    private final JdbcClient jdbc;
    private final NotificationLogPool own;

    public NotificationLog(JdbcClient jdbc, NotificationLogPool own) {
        this.jdbc = jdbc;
        this.own = own;
    }

    record Entry(String dedupKey, String template, String subjectReference, Recipient recipient, String subject,
                 String body, String processInstanceId) {
    }

    @Override
    public Optional<NotificationStatus> statusOf(String dedupKey) {
        return own.jdbc().sql("SELECT status FROM notification_log WHERE dedup_key = :key").param("key", dedupKey)
                .query(String.class).optional().map(NotificationStatus::valueOf);
    }

    /** One query for a round's recipients (in chunks, so that no statement grows without bound). */
    @Override
    public Map<String, NotificationStatus> statusesOf(Collection<String> dedupKeys) {
        Map<String, NotificationStatus> statuses = new HashMap<>();
        List<String> keys = List.copyOf(dedupKeys);
        for (int from = 0; from < keys.size(); from += STATUS_CHUNK) {
            own.jdbc().sql("SELECT dedup_key, status FROM notification_log WHERE dedup_key IN (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + STATUS_CHUNK)))
                    .query((rs, row) -> Map.entry(rs.getString(1), NotificationStatus.valueOf(rs.getString(2))))
                    .list().forEach(e -> statuses.put(e.getKey(), e.getValue()));
        }
        return statuses;
    }

    /**
     * Records an attempt's outcome, creating the line on the first attempt. One statement that commits
     * on its own (the pool's connections auto-commit): the first attempt inserts (one round trip, the
     * common case), a later one finds the line there and updates it.
     */
    @Override
    public void record(Entry entry, NotificationStatus status, String error) {
        Timestamp now = Timestamp.from(RegisterClock.now());
        Timestamp sentAt = status == NotificationStatus.SENT ? now : null;
        try {
            insert(entry, status, error, now, sentAt, own.jdbc());
        } catch (DuplicateKeyException earlierAttempt) {
            own.jdbc().sql("""
                    UPDATE notification_log SET status = :status, attempts = attempts + 1, error = :error,
                           subject = :subject, body = :body, sent_at = :sentAt
                    WHERE dedup_key = :key""")
                    .param("status", status.name()).param("error", truncate(error)).param("subject", entry.subject())
                    .param("body", entry.body()).param("sentAt", sentAt).param("key", entry.dedupKey())
                    .update();
        }
    }

    private static void insert(Entry entry, NotificationStatus status, String error, Timestamp now, Timestamp sentAt,
                               JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO notification_log (dedup_key, template, subject_reference, recipient_name, recipient_email,
                                              language, subject, body, status, attempts, error, process_instance_id,
                                              created_at, sent_at)
                VALUES (:key, :template, :reference, :name, :email, :language, :subject, :body, :status, 1, :error,
                        :processInstanceId, :now, :sentAt)""")
                .param("key", entry.dedupKey())
                .param("template", entry.template())
                .param("reference", entry.subjectReference())
                .param("name", entry.recipient().name())
                .param("email", entry.recipient().email())
                .param("language", entry.recipient().language().name())
                .param("subject", entry.subject())
                .param("body", entry.body())
                .param("status", status.name())
                .param("error", truncate(error))
                .param("processInstanceId", entry.processInstanceId())
                .param("now", now)
                .param("sentAt", sentAt)
                .update();
    }

    /** Newest first, the whole log; null criteria are ignored. At most {@code limit} lines, limited in SQL. */
    public List<Notification> search(String subjectReference, NotificationStatus status, String template, int limit) {
        Criteria criteria = new Criteria(subjectReference, status, template);
        return newest(criteria, 0, limit);
    }

    /**
     * Whose lines a read returns: the whole log, or the lines addressed to one e-mail address (any letter
     * case) that {@code rule} accepts. The address narrows the read in SQL (an index on PostgreSQL);
     * the rule, the exact one of the caller, is applied to what that finds.
     */
    public record Reader(boolean wholeLog, String addressedTo, Predicate<Notification> rule) {

        public static final Reader WHOLE_LOG = new Reader(true, null, n -> true);

        /** The lines to {@code email} that {@code rule} accepts; none when there is no address. */
        public static Reader addressedTo(String email, Predicate<Notification> rule) {
            return new Reader(false, email, rule);
        }
    }

    /** One page of the log, newest first, and how many lines match in all. */
    public record Page(List<Notification> items, int total) {
    }

    /**
     * The lines from {@code offset} (0: the newest), at most {@code limit}, that match the criteria (null
     * ignored) and that {@code reader} reads. The whole log is paged and counted in SQL; one person's
     * e-mails are read in full (they are few) and paged after the rule.
     */
    public Page page(String subjectReference, NotificationStatus status, String template, Reader reader, int offset,
                     int limit) {
        Criteria criteria = new Criteria(subjectReference, status, template);
        if (!reader.wholeLog()) {
            if (reader.addressedTo() == null || reader.addressedTo().isBlank()) {
                return new Page(List.of(), 0);
            }
            // LOWER on both sides: ix_notification_recipient (PostgreSQL) is on LOWER(recipient_email).
            criteria.add("LOWER(recipient_email) = ?", reader.addressedTo().trim().toLowerCase(Locale.ROOT));
            List<Notification> theirs = jdbc.sql("SELECT * FROM notification_log" + criteria.where + " ORDER BY id DESC")
                    .params(criteria.params).query(NotificationLog::notification).list().stream().filter(reader.rule()).toList();
            int from = Math.min(Math.max(0, offset), theirs.size());
            return new Page(theirs.subList(from, Math.min(theirs.size(), from + Math.max(0, limit))), theirs.size());
        }
        int total = jdbc.sql("SELECT COUNT(*) FROM notification_log" + criteria.where).params(criteria.params)
                .query(Integer.class).single();
        return new Page(total == 0 ? List.of() : newest(criteria, offset, limit), total);
    }

    /** The matching lines from {@code offset}, newest first, paged in SQL (the primary key read backwards, or an index). */
    private List<Notification> newest(Criteria criteria, int offset, int limit) {
        List<Object> params = new ArrayList<>(criteria.params);
        params.add(Math.max(0, offset));
        params.add(Math.max(0, limit));
        return jdbc.sql("SELECT * FROM notification_log" + criteria.where + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(params).query(NotificationLog::notification).list();
    }

    /** The WHERE clause of a read of the log and its parameters; null or blank criteria are ignored. */
    private static final class Criteria {
        final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        final List<Object> params = new ArrayList<>();

        Criteria(String subjectReference, NotificationStatus status, String template) {
            if (subjectReference != null && !subjectReference.isBlank()) {
                add("subject_reference = ?", subjectReference.trim());
            }
            if (status != null) {
                add("status = ?", status.name());
            }
            if (template != null && !template.isBlank()) {
                add("template = ?", template.trim());
            }
        }

        void add(String condition, Object value) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }

    public Notification get(long id) {
        return jdbc.sql("SELECT * FROM notification_log WHERE id = :id").param("id", id)
                .query(NotificationLog::notification).optional()
                .orElseThrow(() -> new NotFoundException("No notification with id " + id));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    static Notification notification(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Notification(rs.getLong("id"), rs.getString("template"), rs.getString("subject_reference"),
                rs.getString("recipient_name"), rs.getString("recipient_email"),
                Language.valueOf(rs.getString("language")), rs.getString("subject"), rs.getString("body"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("error"),
                rs.getString("process_instance_id"), rs.getTimestamp("created_at").toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
