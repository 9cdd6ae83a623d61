package org.cms.partnerships.endorsement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of endorsements and objections. */
@Service
public class EndorsementService {

    private final JdbcClient jdbc;

    public EndorsementService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Schedule(SubjectType subjectType, String subjectReference, Body body, Mode mode, Integer meetingNumber,
                           LocalDate meetingDate, String documentNumber, String documentUrl, LocalDate objectionDeadline,
                           String recordedBy, String processInstanceId) {
    }

    @Transactional
    public Endorsement open(Schedule s) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO endorsement (subject_type, subject_reference, body, mode, meeting_number, meeting_date,
                                         document_number, document_url, objection_deadline, recorded_by,
                                         process_instance_id, created_at)
                VALUES (:type, :reference, :body, :mode, :meetingNumber, :meetingDate, :documentNumber, :documentUrl,
                        :deadline, :by, :processInstanceId, :now)""")
                .param("type", s.subjectType().name())
                .param("reference", s.subjectReference())
                .param("body", s.body().name())
                .param("mode", s.mode() == null ? null : s.mode().name())
                .param("meetingNumber", s.meetingNumber())
                .param("meetingDate", date(s.meetingDate()))
                .param("documentNumber", s.documentNumber())
                .param("documentUrl", s.documentUrl())
                .param("deadline", date(s.objectionDeadline()))
                .param("by", s.recordedBy())
                .param("processInstanceId", s.processInstanceId())
                .param("now", Timestamp.from(RegisterClock.now()))
                .update(keys, "id");
        return get(keys.getKey().longValue());
    }

    @Transactional
    public Endorsement decide(long id, Decision decision, LocalDate decisionDate, String text, String by) {
        jdbc.sql("""
                UPDATE endorsement SET decision = :decision, decision_date = :date, decision_text = :text, recorded_by = :by
                WHERE id = :id""")
                .param("decision", decision.name()).param("date", date(decisionDate)).param("text", text)
                .param("by", by).param("id", id).update();
        return get(id);
    }

    @Transactional
    public Objection recordObjection(long endorsementId, String memberName, String reason, boolean late, String via) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO endorsement_objection (endorsement_id, member_name, reason, received_at, late, received_via)
                VALUES (:id, :member, :reason, :at, :late, :via)""")
                .param("id", endorsementId).param("member", memberName).param("reason", reason)
                .param("at", Timestamp.from(RegisterClock.now())).param("late", late).param("via", via)
                .update(keys, "id");
        return objections(endorsementId).stream().filter(o -> o.id() == keys.getKey().longValue()).findFirst()
                .orElseThrow();
    }

    public boolean documentNumberTaken(String documentNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM endorsement WHERE UPPER(document_number) = UPPER(:number)")
                .param("number", documentNumber).query(Integer.class).single() > 0;
    }

    public Endorsement get(long id) {
        return jdbc.sql("SELECT * FROM endorsement WHERE id = :id").param("id", id).query(EndorsementService::endorsement)
                .optional().orElseThrow(() -> new NotFoundException("No endorsement with id " + id));
    }

    public List<Endorsement> forSubject(String subjectReference) {
        return jdbc.sql("SELECT * FROM endorsement WHERE subject_reference = :reference ORDER BY id")
                .param("reference", subjectReference).query(EndorsementService::endorsement).list();
    }

    public List<Objection> objections(long endorsementId) {
        return jdbc.sql("SELECT * FROM endorsement_objection WHERE endorsement_id = :id ORDER BY id")
                .param("id", endorsementId)
                .query((rs, row) -> new Objection(rs.getLong("id"), rs.getLong("endorsement_id"),
                        rs.getString("member_name"), rs.getString("reason"), rs.getTimestamp("received_at").toInstant(),
                        rs.getBoolean("late"), rs.getString("received_via")))
                .list();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Endorsement endorsement(ResultSet rs, int row) throws SQLException {
        String mode = rs.getString("mode");
        String decision = rs.getString("decision");
        return new Endorsement(rs.getLong("id"), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_reference"), Body.valueOf(rs.getString("body")),
                mode == null ? null : Mode.valueOf(mode), rs.getObject("meeting_number", Integer.class),
                localDate(rs, "meeting_date"), rs.getString("document_number"), rs.getString("document_url"),
                localDate(rs, "objection_deadline"), decision == null ? null : Decision.valueOf(decision),
                localDate(rs, "decision_date"), rs.getString("decision_text"), rs.getString("recorded_by"),
                rs.getString("process_instance_id"));
    }
}
