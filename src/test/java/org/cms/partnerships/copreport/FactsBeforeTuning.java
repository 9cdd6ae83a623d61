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

/**
 * The facts as FactsService computed them before issue 13's tuning (every history row of the register
 * read into memory, the meetings looked up one by one), kept verbatim as the oracle of
 * {@link FactsSameAsBeforeTuningTest}: the set-based FactsService must give exactly these facts.
 */
class FactsBeforeTuning {

    private final JdbcClient jdbc;
    private final MeetingService meetings;

    FactsBeforeTuning(JdbcClient jdbc, MeetingService meetings) {
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

    private Facts compute(LocalDate from, LocalDate asOf) {
        Instant periodStart = startOf(from);
        Instant until = startOf(asOf.plusDays(1));
        Map<Long, AgreementRow> agreements = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.id, a.reference, a.instrument_type, a.signed_on, a.place_of_signature, a.signed_at_meeting_id,
                       p.acronym, p.name, p.category, s.reference AS supersedes, s.signed_on AS supersedes_signed_on
                FROM agreement a JOIN partner p ON p.id = a.partner_id
                LEFT JOIN agreement s ON s.id = a.supersedes_id
                ORDER BY p.acronym, a.reference""")
                .query((rs, n) -> new AgreementRow(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("instrument_type"), date(rs.getDate("signed_on")), rs.getString("place_of_signature"),
                        (Long) rs.getObject("signed_at_meeting_id", Long.class), rs.getString("acronym"), rs.getString("name"),
                        PartnerCategory.valueOf(rs.getString("category")), rs.getString("supersedes"),
                        date(rs.getDate("supersedes_signed_on")), new ArrayList<>()))
                .list().forEach(a -> agreements.put(a.id(), a));
        jdbc.sql("""
                SELECT agreement_id, from_status, to_status, changed_at, reason FROM agreement_status_change
                WHERE changed_at < :until ORDER BY changed_at, id""")
                .param("until", Timestamp.from(until))
                .query((rs, n) -> new Change(rs.getLong("agreement_id"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getTimestamp("changed_at").toInstant(), rs.getString("reason")))
                .list().forEach(c -> agreements.get(c.subjectId()).history().add(c));

        // Formal partners as at the date: a partner bound by at least one instrument then.
        Map<String, List<AgreementRow>> bindingByPartner = new TreeMap<>();
        List<Pending> pending = new ArrayList<>();
        List<AgreementLine> newPartnerships = new ArrayList<>();
        List<Supersession> renewals = new ArrayList<>();
        List<Ending> endings = new ArrayList<>();
        Map<String, List<EndorsementRow>> endorsementsBySubject = endorsementsUntil(asOf);
        for (AgreementRow a : agreements.values()) {
            Optional<AgreementStatus> status = a.statusAsAt();
            if (status.isEmpty()) {
                continue;
            }
            if (status.get().isBinding()) {
                bindingByPartner.computeIfAbsent(a.acronym(), k -> new ArrayList<>()).add(a);
            }
            if (status.get() == AgreementStatus.AWAITING_PARTNER_APPROVAL || status.get() == AgreementStatus.AWAITING_SIGNATURE) {
                Change last = a.history().get(a.history().size() - 1);
                String endorsed = endorsementsBySubject.getOrDefault(a.reference(), List.of()).stream()
                        .filter(EndorsementRow::endorsed).map(e -> e.describe(meetings)).reduce((x, y) -> x + "; " + y)
                        .orElse(null);
                pending.add(new Pending(a.reference(), a.acronym(), a.name(), a.category(), status.get().name(),
                        day(last.at()), endorsed));
            }
            for (Change c : a.history()) {
                if (c.at().isBefore(periodStart)) {
                    continue;
                }
                boolean entersForceFirstTime = AgreementStatus.IN_FORCE.name().equals(c.to())
                        && (c.from() == null || AgreementStatus.valueOf(c.from()).inPreparation());
                if (entersForceFirstTime && a.supersedes() == null) {
                    String meeting = meetings.byId(a.signedAtMeetingId()).map(Meeting::title).orElse(null);
                    newPartnerships.add(new AgreementLine(a.reference(), a.acronym(), a.name(), a.category(),
                            a.instrumentType(), a.signedOn() != null ? a.signedOn() : day(c.at()), a.place(), meeting));
                } else if (entersForceFirstTime) {
                    renewals.add(new Supersession(a.reference(), a.acronym(), a.name(), a.category(), a.instrumentType(),
                            a.signedOn() != null ? a.signedOn() : day(c.at()), a.supersedes(), a.supersedesSignedOn()));
                }
                if (AgreementStatus.TERMINATED.name().equals(c.to()) || AgreementStatus.EXPIRED.name().equals(c.to())) {
                    endings.add(new Ending(a.reference(), a.acronym(), a.name(), a.category(), c.to(), day(c.at()), c.reason()));
                }
            }
        }
        Map<PartnerCategory, Integer> byCategory = new EnumMap<>(PartnerCategory.class);
        for (PartnerCategory category : PartnerCategory.values()) {
            byCategory.put(category, 0);
        }
        List<PartnerLine> formal = new ArrayList<>();
        List<PartnerLine> dormant = new ArrayList<>();
        bindingByPartner.forEach((acronym, bound) -> {
            AgreementRow any = bound.get(0);
            PartnerLine line = new PartnerLine(acronym, any.name(), any.category(),
                    bound.stream().map(AgreementRow::reference).toList(),
                    bound.stream().map(AgreementRow::signedOn).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null));
            formal.add(line);
            byCategory.merge(any.category(), 1, Integer::sum);
            if (bound.stream().allMatch(a -> a.statusAsAt().orElseThrow() == AgreementStatus.DORMANT)) {
                dormant.add(line);
            }
        });
        formal.sort(Comparator.comparing(PartnerLine::category).thenComparing(PartnerLine::acronym));
        dormant.sort(Comparator.comparing(PartnerLine::category).thenComparing(PartnerLine::acronym));
        newPartnerships.sort(Comparator.comparing(AgreementLine::signedOn).thenComparing(AgreementLine::reference));
        renewals.sort(Comparator.comparing(Supersession::signedOn));
        endings.sort(Comparator.comparing(Ending::on));

        Plans plans = plans(periodStart, until, endorsementsBySubject);
        return new Facts(from, asOf, byCategory, formal.size(), formal, newPartnerships, renewals, endings, pending,
                dormant, plans.adopted(), plans.inImplementation(), plans.closed(), deFacto(asOf),
                committeeEndorsements(from, asOf));
    }

    private record Plans(List<PlanLine> adopted, List<PlanLine> inImplementation, List<PlanLine> closed) {
    }

    private Plans plans(Instant periodStart, Instant until, Map<String, List<EndorsementRow>> endorsements) {
        record PlanRow(long id, String reference, String partner, String title, int start, int end, List<Change> history) {
        }
        Map<Long, PlanRow> plans = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT w.id, w.reference, w.title, w.period_start_year, w.period_end_year, p.acronym
                FROM work_plan w JOIN partner p ON p.id = w.partner_id ORDER BY w.reference""")
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getString("reference"), rs.getString("acronym"),
                        rs.getString("title"), rs.getInt("period_start_year"), rs.getInt("period_end_year"), new ArrayList<>()))
                .list().forEach(p -> plans.put(p.id(), p));
        jdbc.sql("""
                SELECT work_plan_id, from_status, to_status, changed_at, reason FROM work_plan_status_change
                WHERE changed_at < :until ORDER BY changed_at, id""")
                .param("until", Timestamp.from(until))
                .query((rs, n) -> new Change(rs.getLong("work_plan_id"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getTimestamp("changed_at").toInstant(), rs.getString("reason")))
                .list().forEach(c -> plans.get(c.subjectId()).history().add(c));
        Map<Long, Map<String, Integer>> activities = activitiesByStatus(until);

        List<PlanLine> adopted = new ArrayList<>();
        List<PlanLine> running = new ArrayList<>();
        List<PlanLine> closed = new ArrayList<>();
        for (PlanRow plan : plans.values()) {
            if (plan.history().isEmpty()) {
                continue;
            }
            List<String> bodies = endorsements.getOrDefault(plan.reference(), List.of()).stream()
                    .filter(EndorsementRow::endorsed).map(e -> e.describe(meetings)).toList();
            Map<String, Integer> counts = activities.getOrDefault(plan.id(), Map.of());
            String status = plan.history().get(plan.history().size() - 1).to();
            for (Change c : plan.history()) {
                if (c.at().isBefore(periodStart)) {
                    continue;
                }
                if (WorkPlanStatus.IN_IMPLEMENTATION.name().equals(c.to()) && !WorkPlanStatus.IN_IMPLEMENTATION.name().equals(c.from())) {
                    adopted.add(new PlanLine(plan.reference(), plan.partner(), plan.title(), plan.start(), plan.end(),
                            day(c.at()), bodies, counts));
                }
                if (WorkPlanStatus.CLOSED.name().equals(c.to())) {
                    closed.add(new PlanLine(plan.reference(), plan.partner(), plan.title(), plan.start(), plan.end(),
                            day(c.at()), bodies, counts));
                }
            }
            if (WorkPlanStatus.IN_IMPLEMENTATION.name().equals(status)) {
                Instant since = plan.history().stream().filter(c -> WorkPlanStatus.IN_IMPLEMENTATION.name().equals(c.to()))
                        .map(Change::at).reduce((x, y) -> y).orElseThrow();
                running.add(new PlanLine(plan.reference(), plan.partner(), plan.title(), plan.start(), plan.end(),
                        day(since), bodies, counts));
            }
        }
        adopted.sort(Comparator.comparing(PlanLine::on).thenComparing(PlanLine::reference));
        closed.sort(Comparator.comparing(PlanLine::on).thenComparing(PlanLine::reference));
        return new Plans(adopted, running, closed);
    }

    /** Each plan's activities counted by their status as at the date (every status, zero included). */
    private Map<Long, Map<String, Integer>> activitiesByStatus(Instant until) {
        Map<Long, String> lastStatus = new LinkedHashMap<>();
        Map<Long, Long> planOf = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT h.activity_id, a.work_plan_id, h.to_status FROM activity_status_change h
                JOIN work_plan_activity a ON a.id = h.activity_id
                WHERE h.changed_at < :until ORDER BY h.changed_at, h.id""")
                .param("until", Timestamp.from(until))
                .query((rs, n) -> {
                    lastStatus.put(rs.getLong("activity_id"), rs.getString("to_status"));
                    planOf.put(rs.getLong("activity_id"), rs.getLong("work_plan_id"));
                    return null;
                }).list();
        Map<Long, Map<String, Integer>> counts = new LinkedHashMap<>();
        lastStatus.forEach((activity, status) -> counts.computeIfAbsent(planOf.get(activity), k -> {
            Map<String, Integer> zero = new LinkedHashMap<>();
            for (ActivityStatus s : ActivityStatus.values()) {
                zero.put(s.name(), 0);
            }
            return zero;
        }).merge(status, 1, Integer::sum));
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

        String describe(MeetingService meetings) {
            if ("PARTNER_BODY".equals(body)) {
                return "Partner's governing body (%s)".formatted(decidedOn);
            }
            return meetings.byId(meetingId).map(Meeting::title)
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

    private List<EndorsementLine> committeeEndorsements(LocalDate from, LocalDate asOf) {
        return endorsementRows(from, asOf).stream().filter(e -> "CMS_STANDING_COMMITTEE".equals(e.body()))
                .filter(EndorsementRow::endorsed)
                .map(e -> new EndorsementLine(e.subjectType(), e.subject(), e.decision(), e.decidedOn(), e.describe(meetings),
                        e.documentNumber()))
                .toList();
    }

    private record Change(long subjectId, String from, String to, Instant at, String reason) {
    }

    private record AgreementRow(long id, String reference, String instrumentType, LocalDate signedOn, String place,
                                Long signedAtMeetingId, String acronym, String name, PartnerCategory category,
                                String supersedes, LocalDate supersedesSignedOn, List<Change> history) {
        /** The status as at the date: the last change recorded up to it (empty: the agreement did not exist yet). */
        Optional<AgreementStatus> statusAsAt() {
            return history.isEmpty() ? Optional.empty()
                    : Optional.of(AgreementStatus.valueOf(history.get(history.size() - 1).to()));
        }
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
