package org.cms.partnerships.copreport;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.copreport.Facts.AgreementLine;
import org.cms.partnerships.copreport.Facts.DeFacto;
import org.cms.partnerships.copreport.Facts.EndorsementLine;
import org.cms.partnerships.copreport.Facts.Ending;
import org.cms.partnerships.copreport.Facts.PartnerLine;
import org.cms.partnerships.copreport.Facts.Pending;
import org.cms.partnerships.copreport.Facts.PlanLine;
import org.cms.partnerships.copreport.Facts.Supersession;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.workplan.ActivityStatus;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes {@link Facts} as at a date from the register's histories: the status of each agreement,
 * plan and activity is the last change recorded up to the end of that day (Bonn), so a change made
 * later (a late signature, a termination) never alters the figures of an earlier date. The period
 * runs from the day after the previous Conference of the Parties ended ("since COP9") to the cut-off.
 */
@Service
public class FactsService {

    private final JdbcClient jdbc;
    private final MeetingService meetings;

    public FactsService(JdbcClient jdbc, MeetingService meetings) {
        this.jdbc = jdbc;
        this.meetings = meetings;
    }

    /** The first day of the period ending on {@code asOf}: the day after the last COP that ended before it. */
    public LocalDate defaultPeriodStart(LocalDate asOf) {
        return meetings.list(Meeting.Kind.COP).stream().filter(cop -> cop.endsOn().isBefore(asOf))
                .reduce((first, second) -> second).map(cop -> cop.endsOn().plusDays(1))
                .orElseThrow(() -> new InvalidInputException(
                        "from: no Conference of the Parties in the register ended before %s; give the start of the period".formatted(asOf)));
    }

    /** Facts as at {@code asOf} for the period from {@code from} (null: since the previous COP). */
    @Transactional(readOnly = true)
    public Facts asOf(LocalDate asOf, LocalDate from) {
        List<String> problems = new ArrayList<>();
        if (asOf == null) {
            problems.add("asOf: the cut-off date is required (YYYY-MM-DD)");
        } else if (asOf.isAfter(RegisterClock.today())) {
            problems.add("asOf: %s is in the future; the register knows facts up to today (%s)".formatted(asOf, RegisterClock.today()));
        }
        InvalidInputException.throwIfAny(problems);
        LocalDate start = from != null ? from : defaultPeriodStart(asOf);
        if (start.isAfter(asOf)) {
            throw new InvalidInputException("from: the period cannot start (%s) after the cut-off date (%s)".formatted(start, asOf));
        }
        return compute(start, asOf);
    }

    /** The statuses that make a partner formal (binding) or an instrument pending, as at the date. */
    private static final List<String> BINDING_OR_PENDING = java.util.stream.Stream.concat(
            AgreementStatus.EFFECTIVE.stream(), java.util.stream.Stream.of(AgreementStatus.AWAITING_PARTNER_APPROVAL,
                    AgreementStatus.AWAITING_SIGNATURE)).map(Enum::name).toList();
    /** The changes that make a line of the period: entering into force, termination, expiry. */
    private static final List<String> PERIOD_EVENTS = List.of(AgreementStatus.IN_FORCE.name(),
            AgreementStatus.TERMINATED.name(), AgreementStatus.EXPIRED.name());
    /** Plans are adopted (into implementation) and closed in the period. */
    private static final List<String> PLAN_EVENTS = List.of(WorkPlanStatus.IN_IMPLEMENTATION.name(), WorkPlanStatus.CLOSED.name());
    /** At most this many plan ids in one IN list (the activity counts). */
    private static final int CHUNK = 500;

    /**
     * The row of status history {@code h} that stood at {@code :until}: the last change recorded before it,
     * that is the change made before it and not superseded before it (superseded_at, kept by every writer
     * of the histories: StatusHistory). A predicate on each row: the history is filtered in one pass, with
     * no sort, instead of every change up to the date ranked by a window function (a sort of the whole
     * history, spilling to disk at 10,000 agreements, at each read).
     */
    private static String standingAt(String h) {
        return "%1$s.changed_at < :until AND (%1$s.superseded_at IS NULL OR %1$s.superseded_at >= :until)".formatted(h);
    }

    /*
     * Set-based: a fixed number of queries whatever the size of the register (agreements by their status as
     * at the date; the period's changes; plans likewise; the activities of the plans listed, counted in SQL;
     * endorsements, meetings and de facto partners once each). The lists come out in the order the
     * computation over the whole history gave them (FactsSameAsBeforeTuningTest compares the two).
     */
    private Facts compute(LocalDate from, LocalDate asOf) {
        Instant periodStart = startOf(from);
        Instant until = startOf(asOf.plusDays(1));
        Map<Long, Meeting> meetingsById = new java.util.HashMap<>();
        meetings.list(null).forEach(m -> meetingsById.put(m.id(), m));
        Map<String, List<EndorsementRow>> endorsementsBySubject = endorsementsUntil(asOf);

        // Formal partners as at the date (a partner bound by at least one instrument then) and pending instruments.
        Map<String, List<Standing>> bindingByPartner = new TreeMap<>();
        List<Pending> pending = new ArrayList<>();
        jdbc.sql("""
                SELECT a.reference, a.signed_on, p.acronym, p.name, p.category, h.to_status, h.changed_at
                FROM agreement_status_change h
                JOIN agreement a ON a.id = h.agreement_id JOIN partner p ON p.id = a.partner_id
                WHERE %s AND h.to_status IN (:statuses)
                ORDER BY p.acronym, a.reference""".formatted(standingAt("h")))
                .param("until", Timestamp.from(until)).param("statuses", BINDING_OR_PENDING)
                .query((rs, n) -> new Standing(rs.getString("reference"), date(rs.getDate("signed_on")),
                        rs.getString("acronym"), rs.getString("name"), PartnerCategory.valueOf(rs.getString("category")),
                        AgreementStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("changed_at").toInstant()))
                .list().forEach(a -> {
                    if (a.status().isBinding()) {
                        bindingByPartner.computeIfAbsent(a.acronym(), k -> new ArrayList<>()).add(a);
                    } else {
                        String endorsed = endorsementsBySubject.getOrDefault(a.reference(), List.of()).stream()
                                .filter(EndorsementRow::endorsed).map(e -> e.describe(meetingsById)).reduce((x, y) -> x + "; " + y)
                                .orElse(null);
                        pending.add(new Pending(a.reference(), a.acronym(), a.name(), a.category(), a.status().name(),
                                day(a.since()), endorsed));
                    }
                });

        // What happened in the period: instruments entering into force (new or renewals), ending.
        List<AgreementLine> newPartnerships = new ArrayList<>();
        List<Supersession> renewals = new ArrayList<>();
        List<Ending> endings = new ArrayList<>();
        jdbc.sql("""
                SELECT a.reference, a.instrument_type, a.signed_on, a.place_of_signature, a.signed_at_meeting_id,
                       p.acronym, p.name, p.category, s.reference AS supersedes, s.signed_on AS supersedes_signed_on,
                       h.from_status, h.to_status, h.changed_at, h.reason
                FROM agreement_status_change h
                JOIN agreement a ON a.id = h.agreement_id JOIN partner p ON p.id = a.partner_id
                LEFT JOIN agreement s ON s.id = a.supersedes_id
                WHERE h.changed_at >= :periodStart AND h.changed_at < :until AND h.to_status IN (:events)
                ORDER BY p.acronym, a.reference, h.changed_at, h.id""")
                .param("periodStart", Timestamp.from(periodStart)).param("until", Timestamp.from(until))
                .param("events", PERIOD_EVENTS)
                .query((rs, n) -> {
                    String reference = rs.getString("reference");
                    String acronym = rs.getString("acronym");
                    String name = rs.getString("name");
                    PartnerCategory category = PartnerCategory.valueOf(rs.getString("category"));
                    String instrument = rs.getString("instrument_type");
                    LocalDate signedOn = date(rs.getDate("signed_on"));
                    String supersedes = rs.getString("supersedes");
                    String fromStatus = rs.getString("from_status");
                    String to = rs.getString("to_status");
                    Instant at = rs.getTimestamp("changed_at").toInstant();
                    boolean entersForceFirstTime = AgreementStatus.IN_FORCE.name().equals(to)
                            && (fromStatus == null || AgreementStatus.valueOf(fromStatus).inPreparation());
                    if (entersForceFirstTime && supersedes == null) {
                        Long meetingId = (Long) rs.getObject("signed_at_meeting_id", Long.class);
                        String meeting = meetingId == null ? null
                                : Optional.ofNullable(meetingsById.get(meetingId)).map(Meeting::title).orElse(null);
                        newPartnerships.add(new AgreementLine(reference, acronym, name, category, instrument,
                                signedOn != null ? signedOn : day(at), rs.getString("place_of_signature"), meeting));
                    } else if (entersForceFirstTime) {
                        renewals.add(new Supersession(reference, acronym, name, category, instrument,
                                signedOn != null ? signedOn : day(at), supersedes, date(rs.getDate("supersedes_signed_on"))));
                    }
                    if (AgreementStatus.TERMINATED.name().equals(to) || AgreementStatus.EXPIRED.name().equals(to)) {
                        endings.add(new Ending(reference, acronym, name, category, to, day(at), rs.getString("reason")));
                    }
                    return reference;
                })
                .list();

        Map<PartnerCategory, Integer> byCategory = new EnumMap<>(PartnerCategory.class);
        for (PartnerCategory category : PartnerCategory.values()) {
            byCategory.put(category, 0);
        }
        List<PartnerLine> formal = new ArrayList<>();
        List<PartnerLine> dormant = new ArrayList<>();
        bindingByPartner.forEach((acronym, bound) -> {
            Standing any = bound.get(0);
            PartnerLine line = new PartnerLine(acronym, any.name(), any.category(),
                    bound.stream().map(Standing::reference).toList(),
                    bound.stream().map(Standing::signedOn).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null));
            formal.add(line);
            byCategory.merge(any.category(), 1, Integer::sum);
            if (bound.stream().allMatch(a -> a.status() == AgreementStatus.DORMANT)) {
                dormant.add(line);
            }
        });
        formal.sort(Comparator.comparing(PartnerLine::category).thenComparing(PartnerLine::acronym));
        dormant.sort(Comparator.comparing(PartnerLine::category).thenComparing(PartnerLine::acronym));
        newPartnerships.sort(Comparator.comparing(AgreementLine::signedOn).thenComparing(AgreementLine::reference));
        renewals.sort(Comparator.comparing(Supersession::signedOn));
        endings.sort(Comparator.comparing(Ending::on));

        Plans plans = plans(periodStart, until, endorsementsBySubject, meetingsById);
        return new Facts(from, asOf, byCategory, formal.size(), formal, newPartnerships, renewals, endings, pending,
                dormant, plans.adopted(), plans.inImplementation(), plans.closed(), deFacto(asOf),
                committeeEndorsements(from, asOf, meetingsById));
    }

    /** An agreement binding or pending as at the date: its status then and since when. */
    private record Standing(String reference, LocalDate signedOn, String acronym, String name, PartnerCategory category,
                            AgreementStatus status, Instant since) {
    }

    private record Plans(List<PlanLine> adopted, List<PlanLine> inImplementation, List<PlanLine> closed) {
    }

    private record PlanRow(long id, String reference, String partner, String title, int start, int end) {
    }

    private static PlanRow planRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PlanRow(rs.getLong("id"), rs.getString("reference"), rs.getString("acronym"), rs.getString("title"),
                rs.getInt("period_start_year"), rs.getInt("period_end_year"));
    }

    private Plans plans(Instant periodStart, Instant until, Map<String, List<EndorsementRow>> endorsements,
                        Map<Long, Meeting> meetingsById) {
        record Event(PlanRow plan, String from, String to, Instant at) {
        }
        String planColumns = "w.id, w.reference, w.title, w.period_start_year, w.period_end_year, p.acronym";
        // Adopted (into implementation from another status) and closed in the period, in the plans' order.
        List<Event> events = jdbc.sql("""
                SELECT %s, h.from_status, h.to_status, h.changed_at
                FROM work_plan_status_change h JOIN work_plan w ON w.id = h.work_plan_id JOIN partner p ON p.id = w.partner_id
                WHERE h.changed_at >= :periodStart AND h.changed_at < :until AND h.to_status IN (:events)
                ORDER BY w.reference, h.changed_at, h.id""".formatted(planColumns))
                .param("periodStart", Timestamp.from(periodStart)).param("until", Timestamp.from(until))
                .param("events", PLAN_EVENTS)
                .query((rs, n) -> new Event(planRow(rs), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
        // In implementation as at the date, since their last change (the one that put them there).
        record Running(PlanRow plan, Instant since) {
        }
        List<Running> inImplementation = jdbc.sql("""
                SELECT %s, h.changed_at
                FROM work_plan_status_change h JOIN work_plan w ON w.id = h.work_plan_id JOIN partner p ON p.id = w.partner_id
                WHERE %s AND h.to_status = :status
                ORDER BY w.reference""".formatted(planColumns, standingAt("h")))
                .param("until", Timestamp.from(until)).param("status", WorkPlanStatus.IN_IMPLEMENTATION.name())
                .query((rs, n) -> new Running(planRow(rs), rs.getTimestamp("changed_at").toInstant()))
                .list();
        java.util.Set<Long> listed = new java.util.LinkedHashSet<>();
        events.forEach(e -> listed.add(e.plan().id()));
        inImplementation.forEach(r -> listed.add(r.plan().id()));
        Map<Long, Map<String, Integer>> activities = activitiesByStatus(until, listed);
        java.util.function.BiFunction<PlanRow, Instant, PlanLine> line = (plan, on) -> new PlanLine(plan.reference(),
                plan.partner(), plan.title(), plan.start(), plan.end(), day(on),
                endorsements.getOrDefault(plan.reference(), List.of()).stream().filter(EndorsementRow::endorsed)
                        .map(e -> e.describe(meetingsById)).toList(),
                activities.getOrDefault(plan.id(), Map.of()));

        List<PlanLine> adopted = new ArrayList<>();
        List<PlanLine> closed = new ArrayList<>();
        for (Event e : events) {
            if (WorkPlanStatus.IN_IMPLEMENTATION.name().equals(e.to()) && !WorkPlanStatus.IN_IMPLEMENTATION.name().equals(e.from())) {
                adopted.add(line.apply(e.plan(), e.at()));
            }
            if (WorkPlanStatus.CLOSED.name().equals(e.to())) {
                closed.add(line.apply(e.plan(), e.at()));
            }
        }
        List<PlanLine> running = inImplementation.stream().map(r -> line.apply(r.plan(), r.since())).toList();
        adopted.sort(Comparator.comparing(PlanLine::on).thenComparing(PlanLine::reference));
        closed.sort(Comparator.comparing(PlanLine::on).thenComparing(PlanLine::reference));
        return new Plans(adopted, new ArrayList<>(running), closed);
    }

    /**
     * The activities of these plans counted by their status as at the date (every status, zero included;
     * a plan none of whose activities has a status yet: absent), counted in SQL.
     */
    private Map<Long, Map<String, Integer>> activitiesByStatus(Instant until, java.util.Collection<Long> planIds) {
        Map<Long, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<Long> ids = List.copyOf(planIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("""
                    SELECT act.work_plan_id, h.to_status, COUNT(*) AS activities
                    FROM activity_status_change h JOIN work_plan_activity act ON act.id = h.activity_id
                    WHERE %s AND act.work_plan_id IN (:plans)
                    GROUP BY act.work_plan_id, h.to_status""".formatted(standingAt("h")))
                    .param("until", Timestamp.from(until)).param("plans", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, n) -> {
                        counts.computeIfAbsent(rs.getLong("work_plan_id"), k -> {
                            Map<String, Integer> zero = new LinkedHashMap<>();
                            for (ActivityStatus s : ActivityStatus.values()) {
                                zero.put(s.name(), 0);
                            }
                            return zero;
                        }).merge(rs.getString("to_status"), rs.getInt("activities"), Integer::sum);
                        return null;
                    }).list();
        }
        return counts;
    }

    private List<DeFacto> deFacto(LocalDate asOf) {
        return jdbc.sql("""
                SELECT acronym, name, category, collaborating_since, notes FROM partner
                WHERE de_facto = TRUE AND (collaborating_since IS NULL OR collaborating_since <= :asOf)
                ORDER BY category, acronym""")
                .param("asOf", java.sql.Date.valueOf(asOf))
                .query((rs, n) -> new DeFacto(rs.getString("acronym"), rs.getString("name"),
                        PartnerCategory.valueOf(rs.getString("category")), date(rs.getDate("collaborating_since")),
                        rs.getString("notes")))
                .list();
    }

    private record EndorsementRow(String subjectType, String subject, String body, String decision, LocalDate decidedOn,
                                  Integer meetingNumber, Long meetingId, String documentNumber) {
        boolean endorsed() {
            return "ENDORSED".equals(decision) || "ENDORSED_WITH_AMENDMENTS".equals(decision);
        }

        String describe(Map<Long, Meeting> meetings) {
            if ("PARTNER_BODY".equals(body)) {
                return "Partner's governing body (%s)".formatted(decidedOn);
            }
            return Optional.ofNullable(meetingId == null ? null : meetings.get(meetingId)).map(Meeting::title)
                    .or(() -> Optional.ofNullable(meetingNumber).map(n -> Meeting.ordinal(n) + " meeting of the Standing Committee (" + decidedOn + ")"))
                    .orElse("Standing Committee, written procedure (" + decidedOn + ")");
        }
    }

    private Map<String, List<EndorsementRow>> endorsementsUntil(LocalDate asOf) {
        Map<String, List<EndorsementRow>> bySubject = new LinkedHashMap<>();
        endorsementRows(null, asOf).forEach(e -> bySubject.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e));
        return bySubject;
    }

    private List<EndorsementRow> endorsementRows(LocalDate from, LocalDate asOf) {
        return jdbc.sql("""
                SELECT subject_type, subject_reference, body, decision, decision_date, meeting_number, meeting_id, document_number
                FROM endorsement
                WHERE decision IS NOT NULL AND decision_date <= :asOf AND decision_date >= :from
                ORDER BY decision_date, id""")
                .param("asOf", java.sql.Date.valueOf(asOf))
                .param("from", java.sql.Date.valueOf(from == null ? java.time.LocalDate.of(1900, 1, 1) : from))
                .query((rs, n) -> new EndorsementRow(rs.getString("subject_type"), rs.getString("subject_reference"),
                        rs.getString("body"), rs.getString("decision"), date(rs.getDate("decision_date")),
                        (Integer) rs.getObject("meeting_number", Integer.class), (Long) rs.getObject("meeting_id", Long.class),
                        rs.getString("document_number")))
                .list();
    }

    private List<EndorsementLine> committeeEndorsements(LocalDate from, LocalDate asOf, Map<Long, Meeting> meetingsById) {
        return endorsementRows(from, asOf).stream().filter(e -> "CMS_STANDING_COMMITTEE".equals(e.body()))
                .filter(EndorsementRow::endorsed)
                .map(e -> new EndorsementLine(e.subjectType(), e.subject(), e.decision(), e.decidedOn(), e.describe(meetingsById),
                        e.documentNumber()))
                .toList();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(RegisterClock.SECRETARIAT_ZONE).toInstant();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, RegisterClock.SECRETARIAT_ZONE);
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
