package org.cms.partnerships.register;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.common.StatusHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of agreements and their status history. Every status change goes through
 * {@link #changeStatus}, which checks the move is allowed and records who, when and why; delegates
 * run inside the engine's transaction, so a failed step rolls back the register with the engine.
 */
@Service
public class AgreementService {

    private static final String COLUMNS = """
            SELECT a.*, p.acronym AS partner_acronym, p.name AS partner_name, p.category AS partner_category,
                   s.reference AS supersedes_reference, sb.reference AS superseded_by_reference""";
    private static final String JOINS = """

            FROM agreement a
            JOIN partner p ON p.id = a.partner_id
            LEFT JOIN agreement s ON s.id = a.supersedes_id
            LEFT JOIN agreement sb ON sb.id = a.superseded_by_id
            """;
    private static final String SELECT = COLUMNS + JOINS;

    private final JdbcClient jdbc;
    /** The agreements this transaction has read: each is read once per transaction (see {@link AgreementReads}). */
    private final AgreementReads reads = new AgreementReads();
    /** The one expression that differs between the databases: see {@link #familyKeys}. */
    private final String familyKeys;

    public AgreementService(JdbcClient jdbc, javax.sql.DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.familyKeys = familyKeys("PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, java.sql.DatabaseMetaData::getDatabaseProductName)));
    }

    /** What a new agreement starts with; dates and parties of signature come later. */
    public record NewAgreement(String reference, long partnerId, InstrumentType instrumentType, String title,
                               String scope, String familyInstruments, LocalDate proposedOn, LocalDate expiresOn,
                               String endorsementReference, String conditions) {
    }

    /** Creates the agreement in its first status, with the first line of its history. */
    @Transactional
    public Agreement create(NewAgreement n, AgreementStatus initialStatus, String by, String reason, Instant at) {
        return create(n, initialStatus, null, by, reason, at);
    }

    private Agreement create(NewAgreement n, AgreementStatus initialStatus, String proposedBy, String by, String reason,
                             Instant at) {
        Timestamp now = Timestamp.from(at);
        reads.forget();
        long id = PartnerService.insertReturningId(jdbc.sql("""
                INSERT INTO agreement (reference, partner_id, instrument_type, title, scope, family_instruments, status,
                                       proposed_on, expires_on, endorsement_reference, conditions, proposed_by,
                                       created_at, updated_at)
                VALUES (:reference, :partnerId, :instrumentType, :title, :scope, :familyInstruments, :status,
                        :proposedOn, :expiresOn, :endorsementReference, :conditions, :proposedBy, :now, :now)""")
                .param("reference", n.reference())
                .param("partnerId", n.partnerId())
                .param("instrumentType", n.instrumentType().name())
                .param("title", n.title())
                .param("scope", n.scope())
                .param("familyInstruments", n.familyInstruments())
                .param("status", initialStatus.name())
                .param("proposedOn", sqlDate(n.proposedOn()))
                .param("expiresOn", sqlDate(n.expiresOn()))
                .param("endorsementReference", n.endorsementReference())
                .param("conditions", n.conditions())
                .param("proposedBy", proposedBy)
                .param("now", now));
        reads.created(n.reference());
        insertHistory(id, null, initialStatus, at, by, reason);
        return get(n.reference());
    }

    /**
     * A new proposal, in {@code PROPOSED} from now, proposed by {@code by} (in the insert itself: an update
     * after it cost a round trip, and the next read in the transaction another).
     */
    @Transactional
    public Agreement propose(NewAgreement n, String by) {
        return create(n, AgreementStatus.PROPOSED, by, by, "Proposal submitted", RegisterClock.now());
    }

    @Transactional
    public Agreement changeStatus(String reference, AgreementStatus to, String by, String reason) {
        return changeStatus(reference, to, by, reason, RegisterClock.now());
    }

    @Transactional
    public Agreement changeStatus(String reference, AgreementStatus to, String by, String reason, Instant at) {
        move(get(reference), to, by, reason, at);
        return get(reference);
    }

    /**
     * A process stage begins (see {@code AgreementStageStatus}): the agreement takes the stage's status;
     * when it is already there (a process started at that stage) nothing is recorded.
     */
    @Transactional
    public void enterStage(String reference, AgreementStatus stage, String by, String reason) {
        Agreement current = get(reference);
        if (current.status() != stage) {
            move(current, stage, by, reason, RegisterClock.now());
        }
    }

    private void move(Agreement current, AgreementStatus to, String by, String reason, Instant at) {
        current.status().checkCanChangeTo(to, current.reference());
        reads.forget();
        // Only an agreement that still binds both sides has an annual review ahead of it.
        jdbc.sql("""
                UPDATE agreement SET status = :status, updated_at = :at,
                       next_review_on = CASE WHEN :effective THEN next_review_on ELSE NULL END
                WHERE id = :id""")
                .param("status", to.name()).param("at", Timestamp.from(at))
                .param("effective", to.isBinding()).param("id", current.id()).update();
        // The row as the update leaves it (updated_at is not part of an Agreement): the next read in this
        // transaction, by the next listener of the same step, needs no round trip.
        reads.changed(current.withStatus(to, to.isBinding() ? current.nextReviewOn() : null));
        insertHistory(current.id(), current.status(), to, at, by, reason);
    }

    /**
     * What the Executive Secretary records at signature. {@code inForceFrom} null: in force from the
     * signature; {@code expiresOn} null: the end of the term proposed.
     */
    public record Signature(LocalDate signedOn, LocalDate inForceFrom, String place, String signatoryCms,
                            String signatoryPartner, LocalDate expiresOn) {

        LocalDate effectiveFrom() {
            return inForceFrom != null ? inForceFrom : signedOn;
        }
    }

    /**
     * Why this signature cannot be recorded (empty when it can): not in the future, not before the
     * proposal, in force not before signed, expiring after it enters into force.
     */
    public List<String> signatureProblems(String reference, Signature s) {
        Agreement agreement = get(reference);
        List<String> problems = new ArrayList<>();
        LocalDate today = RegisterClock.today();
        if (s.signedOn().isAfter(today)) {
            problems.add("The date of signature %s is in the future".formatted(s.signedOn()));
        }
        if (agreement.proposedOn() != null && s.signedOn().isBefore(agreement.proposedOn())) {
            problems.add("The date of signature %s is before the proposal (%s)".formatted(s.signedOn(), agreement.proposedOn()));
        }
        if (s.effectiveFrom().isBefore(s.signedOn())) {
            problems.add("It cannot enter into force (%s) before it is signed (%s)".formatted(s.effectiveFrom(), s.signedOn()));
        }
        LocalDate expiresOn = s.expiresOn() != null ? s.expiresOn() : agreement.expiresOn();
        if (s.expiresOn() != null && !expiresOn.isAfter(s.effectiveFrom())) {
            problems.add("It cannot expire (%s) before it enters into force (%s)".formatted(expiresOn, s.effectiveFrom()));
        }
        return problems;
    }

    /**
     * The agreement is signed: signature recorded, {@code IN_FORCE} (from its preparation) with its
     * first annual review on the next anniversary of the signature, and the agreement it replaces (if
     * any) {@code SUPERSEDED}, linked both ways. Refuses (nothing written) a signature with
     * {@link #signatureProblems problems} or a superseded agreement that is no longer in force.
     */
    @Transactional
    public Agreement sign(String reference, Signature s, String supersededReference, String by) {
        List<String> problems = new ArrayList<>(signatureProblems(reference, s));
        Agreement older = supersededReference == null ? null : get(supersededReference);
        if (older != null && !older.status().isActive()) {
            problems.add("%s is %s: only an agreement in force can be superseded".formatted(older.reference(), older.status()));
        }
        InvalidInputException.throwIfAny(problems);
        Agreement agreement = get(reference);
        writeSignature(reference, s.signedOn(), s.effectiveFrom(), s.place(), s.signatoryCms(), s.signatoryPartner(),
                firstReviewAfter(s.signedOn(), RegisterClock.today()),
                s.expiresOn() != null ? s.expiresOn() : agreement.expiresOn());
        changeStatus(reference, AgreementStatus.IN_FORCE, by,
                "Signed on %s in %s by %s and %s".formatted(s.signedOn(), s.place(), s.signatoryCms(), s.signatoryPartner()));
        if (older != null) {
            changeStatus(older.reference(), AgreementStatus.SUPERSEDED, by, "Superseded by " + reference);
            linkSupersession(reference, older.reference());
        }
        return get(reference);
    }

    /** The first anniversary of the signature after {@code today}: a review is never due on the day it is set. */
    public static LocalDate firstReviewAfter(LocalDate signedOn, LocalDate today) {
        LocalDate candidate = java.time.MonthDay.from(signedOn).atYear(today.getYear());
        return candidate.isAfter(today) ? candidate : candidate.plusYears(1);
    }

    /** Records the signature only (demo data loading); a process signs with {@link #sign}. */
    @Transactional
    public Agreement recordSignature(String reference, LocalDate signedOn, LocalDate inForceFrom, String place,
                                     String signatoryCms, String signatoryPartner, LocalDate nextReviewOn,
                                     LocalDate expiresOn) {
        writeSignature(reference, signedOn, inForceFrom, place, signatoryCms, signatoryPartner, nextReviewOn, expiresOn);
        return get(reference);
    }

    /** The signature's columns, without reading the agreement back ({@link #sign} changes its status next). */
    private void writeSignature(String reference, LocalDate signedOn, LocalDate inForceFrom, String place,
                                String signatoryCms, String signatoryPartner, LocalDate nextReviewOn,
                                LocalDate expiresOn) {
        reads.forget();
        jdbc.sql("""
                UPDATE agreement SET signed_on = :signedOn, in_force_from = :inForceFrom, place_of_signature = :place,
                       signatory_cms = :signatoryCms, signatory_partner = :signatoryPartner,
                       next_review_on = :nextReviewOn, expires_on = :expiresOn, updated_at = :now
                WHERE reference = :reference""")
                .param("signedOn", sqlDate(signedOn))
                .param("inForceFrom", sqlDate(inForceFrom))
                .param("place", place)
                .param("signatoryCms", signatoryCms)
                .param("signatoryPartner", signatoryPartner)
                .param("nextReviewOn", sqlDate(nextReviewOn))
                .param("expiresOn", sqlDate(expiresOn))
                .param("now", Timestamp.from(RegisterClock.now()))
                .param("reference", reference)
                .update();
    }

    @Transactional
    public void scheduleNextReview(String reference, LocalDate nextReviewOn) {
        reads.forget();
        jdbc.sql("UPDATE agreement SET next_review_on = :day, updated_at = :now WHERE reference = :reference")
                .param("day", sqlDate(nextReviewOn))
                .param("now", Timestamp.from(RegisterClock.now()))
                .param("reference", reference)
                .update();
    }

    /** Adds an endorsement outcome to the agreement's endorsement references (kept in order, "; "-separated). */
    @Transactional
    public void addEndorsementReference(String reference, String endorsement) {
        Agreement current = get(reference);
        String joined = current.endorsementReference() == null || current.endorsementReference().isBlank()
                ? endorsement : current.endorsementReference() + "; " + endorsement;
        reads.forget();
        jdbc.sql("UPDATE agreement SET endorsement_reference = :text, updated_at = :now WHERE id = :id")
                .param("text", joined)
                .param("now", Timestamp.from(RegisterClock.now()))
                .param("id", current.id())
                .update();
    }

    /** The agreement was signed at this meeting of the Convention's bodies (a COP, a Standing Committee meeting). */
    @Transactional
    public void recordSignedAtMeeting(String reference, long meetingId) {
        long id = get(reference).id();
        reads.forget();
        jdbc.sql("UPDATE agreement SET signed_at_meeting_id = :meeting WHERE id = :id")
                .param("meeting", meetingId).param("id", id).update();
    }

    /** Links a new agreement to the one it replaces, both ways. */
    @Transactional
    public void linkSupersession(String newReference, String oldReference) {
        Agreement newer = get(newReference);
        Agreement older = get(oldReference);
        reads.forget();
        jdbc.sql("UPDATE agreement SET supersedes_id = :old WHERE id = :new")
                .param("old", older.id()).param("new", newer.id()).update();
        jdbc.sql("UPDATE agreement SET superseded_by_id = :new WHERE id = :old")
                .param("old", older.id()).param("new", newer.id()).update();
    }

    /** A remark on the agreement's way: consultation comments, legal review, clearance, decisions. */
    public record Comment(String kind, String source, String author, String text, Instant createdAt) {
    }

    @Transactional
    public void addComment(String reference, String kind, String source, String author, String text) {
        reads.commented(reference);
        jdbc.sql("""
                INSERT INTO agreement_comment (agreement_id, kind, source, author, text, created_at)
                VALUES (:agreementId, :kind, :source, :author, :text, :now)""")
                .param("agreementId", get(reference).id())
                .param("kind", kind)
                .param("source", source)
                .param("author", author)
                .param("text", text)
                .param("now", Timestamp.from(RegisterClock.now()))
                .update();
    }

    public List<Comment> comments(String reference) {
        if (reads.knownUncommented(reference)) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.* FROM agreement_comment c JOIN agreement a ON a.id = c.agreement_id
                WHERE a.reference = :reference ORDER BY c.created_at, c.id""")
                .param("reference", reference)
                .query((rs, row) -> new Comment(rs.getString("kind"), rs.getString("source"), rs.getString("author"),
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** What an adopted amendment changes: the scope, the end of the term (null keeps the current one). */
    @Transactional
    public void amend(String reference, String newScope, LocalDate newExpiresOn) {
        Agreement current = get(reference);
        reads.forget();
        jdbc.sql("UPDATE agreement SET scope = :scope, expires_on = :expires, updated_at = :now WHERE id = :id")
                .param("scope", newScope != null ? newScope : current.scope())
                .param("expires", sqlDate(newExpiresOn != null ? newExpiresOn : current.expiresOn()))
                .param("now", Timestamp.from(RegisterClock.now()))
                .param("id", current.id())
                .update();
    }

    /** Agreements still binding whose end date falls on or before {@code day}. */
    public List<Agreement> expiringBy(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE a.status IN (:statuses) AND a.expires_on <= :day ORDER BY a.reference")
                .param("statuses", names(AgreementStatus.EFFECTIVE)).param("day", sqlDate(day)).query(AgreementService::agreement).list();
    }

    /** Where the current draft is and what it says. */
    @Transactional
    public void recordDraft(String reference, String url, String version, String termsSummary) {
        reads.forget();
        jdbc.sql("""
                UPDATE agreement SET draft_url = :url, draft_version = :version, terms_summary = :summary,
                       updated_at = :now WHERE reference = :reference""")
                .param("url", url).param("version", version).param("summary", termsSummary)
                .param("now", Timestamp.from(RegisterClock.now())).param("reference", reference).update();
    }

    /** The due diligence under the Code of Conduct: its summary kept as a comment, and the conditions it attaches (if any). */
    @Transactional
    public void recordDueDiligence(String reference, String summary, String conditions, String by) {
        addComment(reference, "DUE_DILIGENCE", "Code of Conduct", by, summary);
        if (conditions != null) {
            recordConditions(reference, conditions);
        }
    }

    /** Conditions attached to the partnership by due diligence (Code of Conduct). */
    @Transactional
    public void recordConditions(String reference, String conditions) {
        reads.forget();
        jdbc.sql("UPDATE agreement SET conditions = :conditions, updated_at = :now WHERE reference = :reference")
                .param("conditions", conditions).param("now", Timestamp.from(RegisterClock.now()))
                .param("reference", reference).update();
    }

    /** An agreement of this partner and instrument still on its way to signature, if any. */
    public Optional<Agreement> openProposal(String partnerAcronym, InstrumentType instrumentType) {
        return search(new AgreementFilter(null, null, instrumentType, partnerAcronym, null)).stream()
                .filter(a -> a.status().inPreparation())
                .findFirst();
    }

    /** CMS-{ACRONYM}-{YEAR}, with -2, -3 ... when the partner already has one from that year. */
    public String nextReference(String partnerAcronym, int year) {
        String base = "CMS-" + partnerAcronym.toUpperCase() + "-" + year;
        String candidate = base;
        for (int n = 2; find(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** Agreements still binding whose annual review date has come (on or before {@code day}). */
    public List<Agreement> reviewsDueBy(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE a.status IN (:statuses) AND a.next_review_on <= :day ORDER BY a.reference")
                .param("statuses", names(AgreementStatus.ACTIVE)).param("day", sqlDate(day)).query(AgreementService::agreement).list();
    }

    /** The agreement as the register holds it; read once per transaction (see {@link AgreementReads}). */
    public Optional<Agreement> find(String reference) {
        return reads.find(reference, r -> jdbc.sql(SELECT + " WHERE a.reference = :reference").param("reference", r)
                .query(AgreementService::agreement).optional());
    }

    /** The agreements with these references (as the register writes them), in one query. */
    public List<Agreement> findAll(Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE a.reference IN (:references)").param("references", references)
                .query(AgreementService::agreement).list();
    }

    public Agreement get(String reference) {
        return find(reference).orElseThrow(() -> new NotFoundException("No agreement with reference " + reference));
    }

    /** Characters the register keeps of an agreement's scope. */
    public static final int MAX_SCOPE = 4000;

    /** Every agreement the filter finds, by reference (unpaged: the CSV exports, the processes' own lookups). */
    public List<Agreement> search(AgreementFilter f) {
        Sql list = listSql(f);
        return jdbc.sql(list.sql()).params(list.params()).query(AgreementService::agreement).list();
    }

    /** One page of what the filter finds, in the given order, with the number found in all. */
    public Page<Agreement> page(AgreementFilter f, AgreementSort sort, boolean descending, int offset, int limit) {
        Sql page = pageSql(f, sort, descending, offset, limit);
        boolean countsItself = searchesText(f);
        long[] found = {-1};
        List<Agreement> items = jdbc.sql(page.sql()).params(page.params()).query((rs, row) -> {
            if (countsItself) {
                found[0] = rs.getLong(FOUND);
            }
            return agreement(rs, row);
        }).list();
        if (found[0] >= 0) {
            return new Page<>(items, found[0], offset, limit);
        }
        // A page that is not full ends the list: its end is the total, without counting again. Else (or when a
        // text search's page is beyond its last) count.
        boolean last = !items.isEmpty() && items.size() < limit || offset == 0 && items.isEmpty();
        Sql count = countSql(f);
        long total = last ? offset + items.size() : jdbc.sql(count.sql()).params(count.params()).query(Long.class).single();
        return new Page<>(items, total, offset, limit);
    }

    /** How many agreements the filter finds in each status (its own status criterion ignored), in one GROUP BY. */
    public Map<AgreementStatus, Long> countByStatus(AgreementFilter f) {
        Sql byStatus = statusCountSql(f);
        Map<AgreementStatus, Long> counts = new EnumMap<>(AgreementStatus.class);
        jdbc.sql(byStatus.sql()).params(byStatus.params())
                .query((rs, row) -> counts.put(AgreementStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
        return counts;
    }

    /** An SQL statement with its positional parameters, as this service sends it (the benchmark explains these). */
    public record Sql(String sql, List<Object> params) {
    }

    public Sql listSql(AgreementFilter f) {
        Where where = where(f);
        return new Sql(SELECT + where.sql() + " ORDER BY " + AgreementSort.REFERENCE.orderBy(false), where.params());
    }

    /**
     * One page in SQL. A text search finds its matches by reading them all (a substring, often a common word, which
     * no index narrows much), so its page also counts them ({@code COUNT(*) OVER ()}, column {@value #FOUND}),
     * instead of a second statement reading them all again; other filters' pages stop at the page, and the count
     * is a statement of its own.
     */
    public Sql pageSql(AgreementFilter f, AgreementSort sort, boolean descending, int offset, int limit) {
        Where where = where(f);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        String select = searchesText(f) ? COLUMNS + ", COUNT(*) OVER () AS " + FOUND + JOINS : SELECT;
        return new Sql(select + where.sql() + " ORDER BY " + sort.orderBy(descending) + " LIMIT ? OFFSET ?", params);
    }

    private static final String FOUND = "found_in_all";

    private static boolean searchesText(AgreementFilter f) {
        return f.text() != null && !f.text().isBlank();
    }

    public Sql countSql(AgreementFilter f) {
        Where where = where(f);
        return new Sql(COUNT + where.sql(), where.params());
    }

    public Sql statusCountSql(AgreementFilter f) {
        Where where = where(f.anyStatus());
        return new Sql("SELECT a.status, COUNT(*) AS n" + FROM_COUNTED + where.sql() + " GROUP BY a.status", where.params());
    }

    /** How many agreements the filter finds of each of these partners (by partner id; absent: none). */
    public Map<Long, Long> countByPartner(AgreementFilter f, Collection<Long> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        Where where = where(f);
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(partnerIds);
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT a.partner_id, COUNT(*) AS n" + FROM_COUNTED + where.sql() + " AND a.partner_id IN ("
                        + placeholders(partnerIds.size()) + ") GROUP BY a.partner_id").params(params)
                .query((rs, row) -> counts.put(rs.getLong("partner_id"), rs.getLong("n"))).list();
        return counts;
    }

    /** The agreements among these references that the filter finds (one query, whatever the register's size). */
    public List<Agreement> among(AgreementFilter f, Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        Where where = where(f);
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(references);
        return jdbc.sql(SELECT + where.sql() + " AND a.reference IN (" + placeholders(references.size()) + ") ORDER BY a.reference")
                .params(params).query(AgreementService::agreement).list();
    }

    private static final String FROM_COUNTED = " FROM agreement a JOIN partner p ON p.id = a.partner_id";
    private static final String COUNT = "SELECT COUNT(*)" + FROM_COUNTED;

    /**
     * An agreement's CMS Family instruments as secretariat keys between commas (",aewa,sharksmou,"): lower
     * case, everything but letters, digits and commas removed, which is {@code Groups.secretariatKey} of each
     * item of the list. PostgreSQL replaces only the first match without the 'g' flag, which H2 refuses (and
     * H2 replaces every match anyway); on PostgreSQL a trigram index on exactly this expression serves it
     * (db/vendor/postgresql).
     */
    static String familyKeys(boolean postgres) {
        return "(',' || REGEXP_REPLACE(LOWER(a.family_instruments), '[^a-z0-9,]', ''" + (postgres ? ", 'g'" : "") + ") || ',')";
    }

    private static final java.util.regex.Pattern SECRETARIAT_KEY = java.util.regex.Pattern.compile("[a-z0-9]+");

    /** A WHERE clause (starting with " WHERE") and its positional parameters. */
    record Where(String sql, List<Object> params) {
    }

    private Where where(AgreementFilter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.status() != null) {
            sql.append(" AND a.status = ?");
            params.add(f.status().name());
        }
        if (f.category() != null) {
            sql.append(" AND p.category = ?");
            params.add(f.category().name());
        }
        if (f.instrumentType() != null) {
            sql.append(" AND a.instrument_type = ?");
            params.add(f.instrumentType().name());
        }
        if (f.partner() != null && !f.partner().isBlank()) {
            // LOWER on both sides: the partner's expression index (PostgreSQL) serves it.
            sql.append(" AND LOWER(p.acronym) = LOWER(?)");
            params.add(f.partner().trim());
        }
        if (searchesText(f)) {
            // Two sets, one per table, so that each side is served by its own (trigram) index on PostgreSQL:
            // an OR across the join would read every agreement.
            sql.append(" AND a.id IN (SELECT t.id FROM agreement t WHERE UPPER(t.reference) LIKE ? OR UPPER(t.title) LIKE ?"
                    + " OR UPPER(t.scope) LIKE ?"
                    + " UNION SELECT t.id FROM agreement t JOIN partner tp ON tp.id = t.partner_id"
                    + " WHERE UPPER(tp.name) LIKE ? OR UPPER(tp.acronym) LIKE ?)");
            String like = "%" + f.text().trim().toUpperCase() + "%";
            for (int i = 0; i < 5; i++) {
                params.add(like);
            }
        }
        if (f.namingSecretariats() != null) {
            // Keys are letters and digits (as secretariatKey makes them); anything else names no agreement.
            List<String> keys = f.namingSecretariats().stream().filter(k -> SECRETARIAT_KEY.matcher(k).matches()).sorted().toList();
            if (keys.isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(keys.stream().map(k -> familyKeys + " LIKE ?").collect(Collectors.joining(" OR ", " AND (", ")")));
                keys.forEach(k -> params.add("%," + k + ",%"));
            }
        }
        return new Where(sql.toString(), params);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    public List<StatusChange> history(String reference) {
        return jdbc.sql("""
                SELECT h.* FROM agreement_status_change h JOIN agreement a ON a.id = h.agreement_id
                WHERE a.reference = :reference ORDER BY h.id""")
                .param("reference", reference)
                .query((rs, row) -> new StatusChange(
                        rs.getString("from_status") == null ? null : AgreementStatus.valueOf(rs.getString("from_status")),
                        AgreementStatus.valueOf(rs.getString("to_status")),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"),
                        rs.getString("reason")))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM agreement").query(Long.class).single();
    }

    private void insertHistory(long agreementId, AgreementStatus from, AgreementStatus to, Instant at, String by,
                               String reason) {
        // The facts as at a date read superseded_at, which StatusHistory keeps with the row.
        StatusHistory.AGREEMENTS.record(jdbc, agreementId, from, to, at, "changed_by", "reason")
                .param("changed_by", by)
                .param("reason", reason)
                .update();
    }

    private static List<String> names(java.util.Set<AgreementStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Agreement agreement(ResultSet rs, int row) throws SQLException {
        return new Agreement(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getString("partner_acronym"),
                rs.getString("partner_name"),
                PartnerCategory.valueOf(rs.getString("partner_category")),
                InstrumentType.valueOf(rs.getString("instrument_type")),
                rs.getString("title"),
                rs.getString("scope"),
                rs.getString("family_instruments"),
                AgreementStatus.valueOf(rs.getString("status")),
                localDate(rs, "proposed_on"),
                localDate(rs, "signed_on"),
                localDate(rs, "in_force_from"),
                localDate(rs, "expires_on"),
                localDate(rs, "next_review_on"),
                rs.getString("signatory_cms"),
                rs.getString("signatory_partner"),
                rs.getString("place_of_signature"),
                rs.getString("supersedes_reference"),
                rs.getString("superseded_by_reference"),
                rs.getString("endorsement_reference"),
                rs.getString("conditions"),
                rs.getString("draft_url"),
                rs.getString("draft_version"),
                rs.getString("terms_summary"),
                rs.getString("proposed_by"));
    }
}
