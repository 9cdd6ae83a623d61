package org.cms.partnerships.endorsement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.endorsement.Endorsement.Body;
import org.cms.partnerships.endorsement.Endorsement.Decision;
import org.cms.partnerships.endorsement.Endorsement.Mode;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.Meeting.Kind;
import org.cms.partnerships.meeting.MeetingService;
import org.cms.partnerships.register.CommitteeMember;
import org.cms.partnerships.register.CommitteeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of endorsements and objections, and the home of their rules: what a schedule may
 * be (a meeting in the future with a new document number and serving members; after a deferral or an
 * objection, a meeting), what a recorded decision may be (not in the future, not before the meeting),
 * who may object and until when. Each decision is also written onto the subject's register record.
 */
@Service
public class EndorsementService {

    private final JdbcClient jdbc;
    private final CommitteeService committee;
    private final EndorsementSubjects subjects;
    private final MeetingService meetings;

    public EndorsementService(JdbcClient jdbc, CommitteeService committee, EndorsementSubjects subjects,
                              MeetingService meetings) {
        this.jdbc = jdbc;
        this.committee = committee;
        this.subjects = subjects;
        this.meetings = meetings;
    }

    // ------------------------------------------------------------------ scheduling

    /**
     * The Standing Committee meeting the officer chose: one of the register's ({@code number} alone), or
     * one not yet in it ({@code recordNew}, with its number, date and place), recorded when scheduled.
     */
    public record MeetingChoice(Integer number, boolean recordNew, LocalDate date, String venue) {
        public static MeetingChoice inRegister(Integer number) {
            return new MeetingChoice(number, false, null, null);
        }

        public static MeetingChoice notYetInRegister(Integer number, LocalDate date, String venue) {
            return new MeetingChoice(number, true, date, venue);
        }
    }

    /**
     * Checks the officer's schedule against the rules, adding every problem to {@code input} (which
     * already holds those of reading the form), refuses it with all of them, else records it. A meeting
     * takes its number and date from the register; one not yet there is recorded in it first, and a
     * number the register holds with another date is refused (the officer meant another meeting).
     *
     * @param s        the schedule; its meeting number, date and id are filled here from {@code meeting}
     * @param meeting  the meeting chosen when {@code s} is a meeting, else null
     * @param mustMeet after a deferral or an objection the proposal goes to a meeting
     */
    @Transactional
    public Endorsement schedule(Schedule s, MeetingChoice meeting, boolean mustMeet, FormInput input) {
        LocalDate today = RegisterClock.today();
        Meeting inRegister = null;
        if (s.mode() == Mode.MEETING && meeting != null) {
            inRegister = meetingOf(meeting, input);
            LocalDate meetingDate = inRegister != null ? inRegister.startsOn() : meeting.date();
            if (meetingDate != null && !meetingDate.isAfter(today)) {
                input.problem("The meeting date %s is not in the future".formatted(meetingDate));
            }
            s = s.withMeeting(inRegister != null ? inRegister.number() : meeting.number(), meetingDate,
                    inRegister != null ? inRegister.id() : null);
        }
        if (s.mode() == Mode.MEETING) {
            if (s.documentNumber() == null) {
                input.problem("The document number is required, e.g. CMS/StC38/4");
            }
        } else if (s.mode() == Mode.WRITTEN_PROCEDURE) {
            if (mustMeet) {
                input.problem("After a deferral or an objection the proposal goes to the next meeting, not to a written procedure");
            }
            if (s.objectionDeadline() != null && !s.objectionDeadline().isAfter(today)) {
                input.problem("The objection deadline %s is not in the future".formatted(s.objectionDeadline()));
            }
        }
        if (s.documentNumber() != null && documentNumberTaken(s.documentNumber())) {
            input.problem("Document number %s is already used".formatted(s.documentNumber()));
        }
        LocalDate membersServeOn = s.meetingDate() != null ? s.meetingDate() : today;
        if (s.mode() != null && committee.membersServingOn(membersServeOn).isEmpty()) {
            input.problem("No Standing Committee member serves on %s: nobody could be consulted".formatted(membersServeOn));
        }
        input.throwIfInvalid();
        if (s.mode() == Mode.MEETING && inRegister == null) {
            // Checked above: a new number, a date to come and a place.
            Meeting recorded = meetings.create(new MeetingService.MeetingInput(Kind.STANDING_COMMITTEE, meeting.number(),
                    meeting.venue(), meeting.date(), null, "Recorded when scheduling the endorsement of " + s.subjectReference()));
            s = s.withMeeting(recorded.number(), recorded.startsOn(), recorded.id());
        }
        return open(s);
    }

    /** The register's meeting the choice designates; null (with a problem, unless it is new) when there is none. */
    private Meeting meetingOf(MeetingChoice choice, FormInput input) {
        if (choice.number() == null) {
            return null; // "required" is the form's to say
        }
        if (choice.number() <= 0) {
            input.problem("The meeting number '%d' is not a positive number".formatted(choice.number()));
            return null;
        }
        String name = "The %s meeting of the Standing Committee".formatted(Endorsement.ordinal(choice.number()));
        Optional<Meeting> found = meetings.find(Kind.STANDING_COMMITTEE, choice.number());
        if (!choice.recordNew()) {
            if (found.isEmpty()) {
                input.problem(name + " is not in the register: choose one from the list, or record it as a meeting not yet in the register");
            }
            return found.orElse(null);
        }
        if (found.isPresent()) {
            Meeting known = found.get();
            // The same meeting entered again (another officer recorded it meanwhile): it is the register's.
            if (choice.date() == null || known.startsOn().equals(choice.date())) {
                return known;
            }
            input.problem("%s is in the register for %s (%s), not %s: choose it from the list, or correct the number or the date"
                    .formatted(name, known.dates(), known.venue(), choice.date()));
            return null; // refused above; the register's past date would only add noise
        }
        if (choice.venue() == null || choice.venue().isBlank()) {
            input.problem("The place of the meeting not yet in the register is required");
        }
        return null;
    }

    // ------------------------------------------------------------------ decisions

    /** A decision as recorded; {@code scheduleNote} says why the proposal goes to the next meeting (deferral). */
    public record Recorded(Endorsement endorsement, String scheduleNote) {
        public boolean deferred() {
            return endorsement.decision() == Decision.DEFERRED;
        }
    }

    /**
     * The Committee's decision at the meeting, a deferral included. Its date may lie neither before
     * the meeting nor in the future; {@code input} collects the problems with those of the form.
     */
    @Transactional
    public Recorded recordMeetingDecision(long id, Decision decision, LocalDate date, String text, String by,
                                          FormInput input) {
        Endorsement meeting = get(id);
        checkDecisionDate(date, meeting, input);
        input.throwIfInvalid();
        Endorsement decided = decideOnSubject(meeting, decision, date, text, by);
        String note = decision != Decision.DEFERRED ? null
                : "Deferred at the %s meeting of the Standing Committee on %s: %s. Schedule it for the next meeting."
                        .formatted(Endorsement.ordinal(meeting.meetingNumber()), date, text);
        return new Recorded(decided, note);
    }

    /**
     * The partner's governing body decided (nothing was scheduled on our side: the record starts with
     * its decision). A deferral is not a final decision; the date may not lie in the future.
     */
    @Transactional
    public Endorsement recordPartnerBodyDecision(SubjectType type, String reference, Decision decision, LocalDate date,
                                                 String text, String by, String processInstanceId, FormInput input) {
        input.check(decision != Decision.DEFERRED, "A deferral is not a final decision");
        checkDecisionDate(date, null, input);
        input.throwIfInvalid();
        Endorsement opened = open(new Schedule(type, reference, Body.PARTNER_BODY, null, null, null, null, null, null,
                null, by, processInstanceId));
        return decideOnSubject(opened, decision, date, text, by);
    }

    /** The objection deadline passed in silence: by the rules of the written procedure, it is endorsed. */
    @Transactional
    public Endorsement closeWithoutObjection(long id, String by) {
        Endorsement procedure = get(id);
        return decideOnSubject(procedure, Decision.ENDORSED, procedure.objectionDeadline(),
                "No objection received by %s (written procedure)".formatted(procedure.objectionDeadline()), by);
    }

    private static void checkDecisionDate(LocalDate date, Endorsement scheduled, FormInput input) {
        if (date == null) {
            return;
        }
        input.check(!date.isAfter(RegisterClock.today()), "The decision date %s is in the future".formatted(date));
        if (scheduled != null && scheduled.meetingDate() != null) {
            input.check(!date.isBefore(scheduled.meetingDate()),
                    "The decision date %s is before the meeting on %s".formatted(date, scheduled.meetingDate()));
        }
    }

    private Endorsement decideOnSubject(Endorsement endorsement, Decision decision, LocalDate date, String text, String by) {
        Endorsement decided = decide(endorsement.id(), decision, date, text, by);
        subjects.recordOutcome(decided.subjectType(), decided.subjectReference(), decided);
        return decided;
    }

    // ------------------------------------------------------------------ objections

    /** The serving member this name designates, or a problem in {@code input} saying the name is not one. */
    public String servingMemberNamed(String name, FormInput input) {
        if (name == null || name.isBlank()) {
            return null; // "required" is the form's to say
        }
        return committee.servingMemberNamed(name, RegisterClock.today()).map(CommitteeMember::name).orElseGet(() -> {
            input.problem("%s is not a serving member of the Standing Committee".formatted(name.trim()));
            return null;
        });
    }

    /** Objections are raised in writing only in a written procedure. */
    public void checkIsWrittenProcedure(Endorsement procedure, FormInput input) {
        input.check(procedure.mode() == Mode.WRITTEN_PROCEDURE,
                "Endorsement %d is not a written procedure: objections are raised at the meeting".formatted(procedure.id()));
    }

    /** Still undecided and the deadline day not over: an objection now stops the procedure. */
    public boolean acceptsObjections(Endorsement procedure) {
        return procedure.decision() == null && procedure.objectionDeadline() != null
                && !RegisterClock.today().isAfter(procedure.objectionDeadline());
    }

    /** The note for the officer who schedules the next meeting after an objection. */
    public static String objectionNote(String member, String reason) {
        return "Written procedure ended with an objection. Objection by %s: %s. Schedule it for the next meeting."
                .formatted(member, reason);
    }

    /**
     * An objection in time: recorded, and the proposal deferred to the next meeting, as the
     * Committee's rules of procedure have it.
     */
    @Transactional
    public Objection objectInTime(long id, String member, String reason, String via, String by) {
        Objection objection = recordObjection(id, member, reason, false, via);
        decideOnSubject(get(id), Decision.DEFERRED, RegisterClock.today(),
                "Objection by %s: %s".formatted(member, reason), by);
        return objection;
    }

    public record Schedule(SubjectType subjectType, String subjectReference, Body body, Mode mode, Integer meetingNumber,
                           LocalDate meetingDate, Long meetingId, String documentNumber, String documentUrl,
                           LocalDate objectionDeadline, String recordedBy, String processInstanceId) {

        Schedule withMeeting(Integer number, LocalDate date, Long id) {
            return new Schedule(subjectType, subjectReference, body, mode, number, date, id, documentNumber, documentUrl,
                    objectionDeadline, recordedBy, processInstanceId);
        }
    }

    @Transactional
    public Endorsement open(Schedule s) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO endorsement (subject_type, subject_reference, body, mode, meeting_number, meeting_date, meeting_id,
                                         document_number, document_url, objection_deadline, recorded_by,
                                         process_instance_id, created_at)
                VALUES (:type, :reference, :body, :mode, :meetingNumber, :meetingDate, :meetingId, :documentNumber, :documentUrl,
                        :deadline, :by, :processInstanceId, :now)""")
                .param("type", s.subjectType().name())
                .param("reference", s.subjectReference())
                .param("body", s.body().name())
                .param("mode", s.mode() == null ? null : s.mode().name())
                .param("meetingNumber", s.meetingNumber())
                .param("meetingDate", date(s.meetingDate()))
                .param("meetingId", s.meetingId())
                .param("documentNumber", s.documentNumber())
                .param("documentUrl", s.documentUrl())
                .param("deadline", date(s.objectionDeadline()))
                .param("by", s.recordedBy())
                .param("processInstanceId", s.processInstanceId())
                .param("now", Timestamp.from(RegisterClock.now()))
                .update(keys, "id");
        return get(keys.getKey().longValue());
    }

    /**
     * A decision the Standing Committee took at a meeting of the register before the application kept
     * the record (demo data, a Secretariat importing its register): the row names the meeting.
     */
    @Transactional
    public Endorsement recordPastDecision(SubjectType type, String reference, org.cms.partnerships.meeting.Meeting meeting,
                                          String documentNumber, Decision decision, String text, String by) {
        Endorsement opened = open(new Schedule(type, reference, Body.CMS_STANDING_COMMITTEE, Mode.MEETING,
                meeting.number(), meeting.startsOn(), meeting.id(), documentNumber, null, null, by, null));
        return decide(opened.id(), decision, meeting.startsOn(), text, by);
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
                rs.getString("process_instance_id"), rs.getObject("meeting_id", Long.class));
    }
}
