package org.cms.partnerships.agreement.amendment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of amendments and their history. */
@Service
public class AmendmentService {

    private static final String SELECT = """
            SELECT m.*, a.reference AS agreement_reference FROM agreement_amendment m
            JOIN agreement a ON a.id = m.agreement_id
            """;

    private final JdbcClient jdbc;
    private final AgreementService agreements;

    public AmendmentService(JdbcClient jdbc, AgreementService agreements) {
        this.jdbc = jdbc;
        this.agreements = agreements;
    }

    /**
     * Opens the next numbered amendment of the agreement.
     *
     * @throws ConflictException while another amendment of the agreement is open (409): checked first for
     *     a message that names it, and enforced by the unique {@code open_for_agreement_id} when two
     *     proposals race
     */
    @Transactional
    public Amendment open(String agreementReference, Amendment.Type type, String description, String newScope,
                          LocalDate newExpiresOn, String by) {
        openAmendmentOf(agreementReference).ifPresent(open -> {
            throw new ConflictException("Amendment %d of %s is still open: one amendment at a time"
                    .formatted(open.number(), agreementReference));
        });
        long agreementId = agreements.get(agreementReference).id();
        int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM agreement_amendment WHERE agreement_id = :id")
                .param("id", agreementId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO agreement_amendment (agreement_id, number, amendment_type, description, new_scope,
                                                     new_expires_on, status, created_at, open_for_agreement_id)
                    VALUES (:agreementId, :number, :type, :description, :scope, :expires, 'OPEN', :now, :agreementId)""")
                    .param("agreementId", agreementId).param("number", number).param("type", type.name())
                    .param("description", description).param("scope", newScope)
                    .param("expires", newExpiresOn == null ? null : Date.valueOf(newExpiresOn))
                    .param("now", Timestamp.from(RegisterClock.now()))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another amendment of %s was opened at the same time: one amendment at a time"
                    .formatted(agreementReference));
        }
        long id = keys.getKey().longValue();
        record(id, "OPENED", by, description);
        return get(agreementReference, number);
    }

    @Transactional
    public void record(long amendmentId, String event, String by, String note) {
        jdbc.sql("""
                INSERT INTO amendment_event (amendment_id, event, happened_at, by_user, note)
                VALUES (:id, :event, :at, :by, :note)""")
                .param("id", amendmentId).param("event", event).param("at", Timestamp.from(RegisterClock.now()))
                .param("by", by).param("note", note).update();
    }

    @Transactional
    public void close(long amendmentId, Amendment.Status status, String by, String note) {
        jdbc.sql("UPDATE agreement_amendment SET status = :status, open_for_agreement_id = NULL WHERE id = :id")
                .param("status", status.name()).param("id", amendmentId).update();
        record(amendmentId, status.name(), by, note);
    }

    /** Records a step of amendment N (a review, an approval, a revision) in its history. */
    @Transactional
    public void recordStep(String agreementReference, int number, String event, String by, String note) {
        record(get(agreementReference, number).id(), event, by, note == null || note.isEmpty() ? null : note);
    }

    /** Amendment N is adopted: the agreement's record changes (scope, end of the term) and keeps a comment. */
    @Transactional
    public void adopt(String agreementReference, int number, String text, String by) {
        Amendment amendment = get(agreementReference, number);
        agreements.amend(agreementReference, amendment.newScope(), amendment.newExpiresOn());
        close(amendment.id(), Amendment.Status.ADOPTED, by, text);
        agreements.addComment(agreementReference, "AMENDMENT", "Amendment " + number, by,
                "Adopted (%s): %s".formatted(amendment.type(), text));
    }

    /** Amendment N is closed as rejected, with why. */
    @Transactional
    public void reject(String agreementReference, int number, String why, String by) {
        close(get(agreementReference, number).id(), Amendment.Status.REJECTED, by, why);
    }

    public Optional<Amendment> openAmendmentOf(String agreementReference) {
        return jdbc.sql(SELECT + " WHERE a.reference = :reference AND m.status = 'OPEN'")
                .param("reference", agreementReference).query(this::amendment).optional();
    }

    public Amendment get(String agreementReference, int number) {
        return jdbc.sql(SELECT + " WHERE a.reference = :reference AND m.number = :number")
                .param("reference", agreementReference).param("number", number).query(this::amendment).optional()
                .orElseThrow(() -> new NotFoundException("No amendment %d of %s".formatted(number, agreementReference)));
    }

    public List<Amendment> of(String agreementReference) {
        return jdbc.sql(SELECT + " WHERE a.reference = :reference ORDER BY m.number")
                .param("reference", agreementReference).query(this::amendment).list();
    }

    private Amendment amendment(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Date expires = rs.getDate("new_expires_on");
        List<Amendment.Event> history = jdbc.sql("SELECT * FROM amendment_event WHERE amendment_id = :id ORDER BY id")
                .param("id", id)
                .query((r, n) -> new Amendment.Event(r.getString("event"), r.getTimestamp("happened_at").toInstant(),
                        r.getString("by_user"), r.getString("note")))
                .list();
        return new Amendment(id, rs.getString("agreement_reference"), rs.getInt("number"),
                Amendment.Type.valueOf(rs.getString("amendment_type")), rs.getString("description"),
                rs.getString("new_scope"), expires == null ? null : expires.toLocalDate(),
                Amendment.Status.valueOf(rs.getString("status")), history);
    }
}
