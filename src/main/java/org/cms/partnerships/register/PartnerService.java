package org.cms.partnerships.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of partners and their focal points. */
@Service
public class PartnerService {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public PartnerService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Published when a partner is registered, for what lists the register's partners (the proposal form). */
    public record PartnerRegistered(String acronym) {
    }

    public record NewPartner(String acronym, String name, PartnerCategory category, String headquarters,
                             String website, boolean deFacto, String notes) {
    }

    public record NewFocalPoint(String name, String position, String email, Language preferredLanguage) {
    }

    /**
     * @throws ConflictException when another request registered the same acronym at the same moment
     *         (the unique key decides; the proposal check before only sees what is committed)
     */
    @Transactional
    public Partner create(NewPartner p) {
        try {
            Partner created = get(insert(p));
            events.publishEvent(new PartnerRegistered(p.acronym()));
            return created;
        } catch (DuplicateKeyException | TransientDataAccessException e) {
            // PostgreSQL waits for the first insert and then reports the duplicate; H2 reports a concurrent update.
            throw new ConflictException("A partner with acronym %s was registered at the same moment: choose it as an existing partner"
                    .formatted(p.acronym()));
        }
    }

    private long insert(NewPartner p) {
        return insertReturningId(jdbc.sql("""
                INSERT INTO partner (acronym, name, category, headquarters, website, de_facto, notes, created_at)
                VALUES (:acronym, :name, :category, :headquarters, :website, :deFacto, :notes, :createdAt)""")
                .param("acronym", p.acronym())
                .param("name", p.name())
                .param("category", p.category().name())
                .param("headquarters", p.headquarters())
                .param("website", p.website())
                .param("deFacto", p.deFacto())
                .param("notes", p.notes())
                .param("createdAt", Timestamp.from(RegisterClock.now())));
    }

    /** Since when a de facto collaboration has been going on (read by the facts as at a date). */
    @Transactional
    public void recordCollaboratingSince(long partnerId, java.time.LocalDate since) {
        jdbc.sql("UPDATE partner SET collaborating_since = :since WHERE id = :id")
                .param("since", since == null ? null : java.sql.Date.valueOf(since)).param("id", partnerId).update();
    }

    @Transactional
    public FocalPoint addFocalPoint(long partnerId, NewFocalPoint f) {
        long id = insertReturningId(jdbc.sql("""
                INSERT INTO focal_point (partner_id, name, position, email, preferred_language)
                VALUES (:partnerId, :name, :position, :email, :language)""")
                .param("partnerId", partnerId)
                .param("name", f.name())
                .param("position", f.position())
                .param("email", f.email())
                .param("language", f.preferredLanguage().name()));
        return jdbc.sql("SELECT * FROM focal_point WHERE id = :id").param("id", id).query(PartnerService::focalPoint).single();
    }

    public Partner get(long id) {
        return jdbc.sql("SELECT * FROM partner WHERE id = :id").param("id", id).query(PartnerService::partner)
                .optional().orElseThrow(() -> new NotFoundException("No partner with id " + id));
    }

    public Optional<Partner> findByAcronym(String acronym) {
        // LOWER on both sides: the expression index on LOWER(acronym) serves it on PostgreSQL.
        return jdbc.sql("SELECT * FROM partner WHERE LOWER(acronym) = LOWER(:acronym)").param("acronym", acronym)
                .query(PartnerService::partner).optional();
    }

    public Partner getByAcronym(String acronym) {
        return findByAcronym(acronym).orElseThrow(() -> new NotFoundException("No partner with acronym " + acronym));
    }

    /** A partner with its focal points (in the order they were registered). */
    public record WithFocalPoints(Partner partner, List<FocalPoint> focalPoints) {
    }

    /**
     * {@link #getByAcronym} and its {@link #focalPoints} in one query (the e-mail steps' recipients, one
     * round trip instead of two); the same refusals: none, or more than one partner with that acronym.
     */
    public WithFocalPoints getWithFocalPoints(String acronym) {
        java.util.Map<Long, Partner> found = new java.util.LinkedHashMap<>();
        List<FocalPoint> focalPoints = new ArrayList<>();
        jdbc.sql("""
                SELECT p.*, f.id AS focal_point_id, f.name AS focal_point_name, f.position AS focal_point_position,
                       f.email AS focal_point_email, f.preferred_language AS focal_point_language
                FROM partner p LEFT JOIN focal_point f ON f.partner_id = p.id
                WHERE LOWER(p.acronym) = LOWER(:acronym) ORDER BY p.id, f.id""").param("acronym", acronym)
                .query(rs -> {
                    Partner partner = found.get(rs.getLong("id"));
                    if (partner == null) {
                        partner = partner(rs, 0);
                        found.put(partner.id(), partner);
                    }
                    long focalPoint = rs.getLong("focal_point_id");
                    if (!rs.wasNull()) {
                        focalPoints.add(new FocalPoint(focalPoint, partner.id(), rs.getString("focal_point_name"),
                                rs.getString("focal_point_position"), rs.getString("focal_point_email"),
                                Language.valueOf(rs.getString("focal_point_language"))));
                    }
                });
        if (found.isEmpty()) {
            throw new NotFoundException("No partner with acronym " + acronym);
        }
        if (found.size() > 1) {
            // As findByAcronym's single row refuses it.
            throw new org.springframework.dao.IncorrectResultSizeDataAccessException(1, found.size());
        }
        return new WithFocalPoints(found.values().iterator().next(), focalPoints);
    }

    public List<FocalPoint> focalPoints(long partnerId) {
        return jdbc.sql("SELECT * FROM focal_point WHERE partner_id = :id ORDER BY id").param("id", partnerId)
                .query(PartnerService::focalPoint).list();
    }

    /** Partners matching every given criterion; null criteria are ignored. Text matches acronym or name. */
    public List<Partner> search(PartnerCategory category, Boolean deFacto, String text) {
        Where where = where(category, deFacto, text);
        return jdbc.sql("SELECT * FROM partner" + where.sql() + " ORDER BY acronym").params(where.params())
                .query(PartnerService::partner).list();
    }

    /** How many partners {@link #search} finds. */
    public long count(PartnerCategory category, Boolean deFacto, String text) {
        Where where = where(category, deFacto, text);
        return jdbc.sql("SELECT COUNT(*) FROM partner" + where.sql()).params(where.params()).query(Long.class).single();
    }

    /**
     * One page of what {@link #search} finds, by acronym case-insensitively (as {@code String.CASE_INSENSITIVE_ORDER}
     * compares: lower case), then by acronym: the order of the partners' list page.
     */
    public List<Partner> page(PartnerCategory category, Boolean deFacto, String text, int offset, int limit) {
        Where where = where(category, deFacto, text);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM partner" + where.sql() + " ORDER BY LOWER(acronym), acronym LIMIT ? OFFSET ?")
                .params(params).query(PartnerService::partner).list();
    }

    /**
     * The acronyms of the partners with a signed instrument in mind (not de facto), case-insensitively sorted,
     * when there are at most {@code most} of them, else none: a list to offer as choices, which stops being one
     * when it runs to thousands (one row more than asked tells).
     */
    public List<String> formalAcronymsIfAtMost(int most) {
        List<String> acronyms = jdbc.sql("SELECT acronym FROM partner WHERE de_facto = FALSE ORDER BY LOWER(acronym), acronym LIMIT :n")
                .param("n", most + 1).query(String.class).list();
        return acronyms.size() > most ? List.of() : acronyms;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(PartnerCategory category, Boolean deFacto, String text) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (category != null) {
            sql.append(" AND category = ?");
            params.add(category.name());
        }
        if (deFacto != null) {
            sql.append(" AND de_facto = ?");
            params.add(deFacto);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (UPPER(acronym) LIKE ? OR UPPER(name) LIKE ?)");
            String like = "%" + text.trim().toUpperCase() + "%";
            params.add(like);
            params.add(like);
        }
        return new Where(sql.toString(), params);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM partner").query(Long.class).single();
    }

    static long insertReturningId(JdbcClient.StatementSpec statement) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKey().longValue();
    }

    static Partner partner(ResultSet rs, int row) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("acronym"), rs.getString("name"),
                PartnerCategory.valueOf(rs.getString("category")), rs.getString("headquarters"),
                rs.getString("website"), rs.getBoolean("de_facto"), rs.getString("notes"));
    }

    static FocalPoint focalPoint(ResultSet rs, int row) throws SQLException {
        return new FocalPoint(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("name"),
                rs.getString("position"), rs.getString("email"), Language.valueOf(rs.getString("preferred_language")));
    }
}
