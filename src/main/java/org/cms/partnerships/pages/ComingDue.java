package org.cms.partnerships.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "What is coming due": one look at what needs someone this week or this quarter. Everything is read
 * from the register's dates and histories and from the engine, through {@link RegisterReadAccess}
 * (a Family secretariat sees only what concerns it) and as the logged-in user (tasks, incidents).
 *
 * <ul>
 *   <li>Reviews due: agreements in force or dormant whose annual review date has passed or falls within
 *       the horizon ({@code cms.register.coming-due-days}, 90).</li>
 *   <li>Terms ending: binding agreements whose term ends within 30, 60 or 90 days (the renewal alerts),
 *       or has ended without the register saying so.</li>
 *   <li>Silent partners: an agreement awaiting the partner's approval, or a joint work plan out for the
 *       partner's comments, with no status change and no comment for more than
 *       {@code cms.register.silence-days} (60) days.</li>
 *   <li>Overdue tasks by candidate group, and open incidents.</li>
 * </ul>
 */
@Service
public class ComingDue {

    private final AgreementService agreements;
    private final WorkPlanService workPlans;
    private final RegisterReadAccess access;
    private final EngineWork engine;
    private final JdbcClient jdbc;
    private final int horizonDays;
    private final int silenceDays;

    public ComingDue(AgreementService agreements, WorkPlanService workPlans, RegisterReadAccess access,
                     EngineWork engine, JdbcClient jdbc, @Value("${cms.register.coming-due-days:90}") int horizonDays,
                     @Value("${cms.register.silence-days:60}") int silenceDays) {
        this.agreements = agreements;
        this.workPlans = workPlans;
        this.access = access;
        this.engine = engine;
        this.jdbc = jdbc;
        this.horizonDays = horizonDays;
        this.silenceDays = silenceDays;
    }

    /** An agreement with a date that comes due, and how many days are left (negative: passed). */
    public record Due(Agreement agreement, LocalDate on, long daysLeft) {
        /** The renewal alert this falls in: 30, 60 or 90 days (0 when the date has passed). */
        public int window() {
            return daysLeft < 0 ? 0 : daysLeft <= 30 ? 30 : daysLeft <= 60 ? 60 : 90;
        }
    }

    /** A record waiting for its partner, and since when nothing has happened. */
    public record Silence(String kind, String reference, String partner, String title, String waitingFor,
                          LocalDate lastChange, long daysSilent, String url) {
    }

    public record Report(LocalDate today, int horizonDays, int silenceDays, List<Due> reviews, List<Due> termsEnding,
                         List<Silence> silentPartners, Map<String, List<EngineWork.OpenTask>> overdueTasks,
                         List<EngineWork.OpenIncident> incidents) {
        public List<Due> termsEndingWithin(int window) {
            return termsEnding.stream().filter(d -> d.window() == window).toList();
        }
    }

    public Report report() {
        LocalDate today = RegisterClock.today();
        LocalDate horizon = today.plusDays(horizonDays);
        List<Due> reviews = access.readable(agreements.reviewsDueBy(horizon)).stream()
                .map(a -> new Due(a, a.nextReviewOn(), ChronoUnit.DAYS.between(today, a.nextReviewOn())))
                .sorted(Comparator.comparing(Due::on)).toList();
        List<Due> ending = access.readable(agreements.expiringBy(today.plusDays(90))).stream()
                .map(a -> new Due(a, a.expiresOn(), ChronoUnit.DAYS.between(today, a.expiresOn())))
                .sorted(Comparator.comparing(Due::on)).toList();
        return new Report(today, horizonDays, silenceDays, reviews, ending, silentPartners(today),
                engine.overdueTasksByGroup(), engine.openIncidents());
    }

    private List<Silence> silentPartners(LocalDate today) {
        AgreementStatus awaiting = AgreementStatus.AWAITING_PARTNER_APPROVAL;
        WorkPlanStatus consulting = WorkPlanStatus.IN_CONSULTATION;
        // The last status change or comment of every record waiting, in two queries each (not two per record).
        Map<String, Instant> agreementActivity = lastActivity("agreement", "agreement_status_change", "agreement_comment",
                "agreement_id", awaiting.name());
        Map<String, Instant> planActivity = lastActivity("work_plan", "work_plan_status_change", "work_plan_comment",
                "work_plan_id", consulting.name());
        Stream<Silence> fromAgreements = access.readable(agreements.search(
                        new AgreementFilter(awaiting, null, null, null, null))).stream()
                .map(a -> silence("Agreement", a.reference(), a.partnerAcronym(), a.title(), "the partner's approval",
                        agreementActivity.getOrDefault(a.reference(), Instant.EPOCH), today, Links.agreement(a.reference())));
        Stream<Silence> fromPlans = access.workPlans(workPlans.withStatus(consulting)).stream()
                .map(p -> silence("Joint work plan", p.reference(), p.partnerAcronym(), p.title(), "the partner's comments",
                        planActivity.getOrDefault(p.reference(), Instant.EPOCH), today, Links.workPlan(p.reference())));
        return Stream.concat(fromAgreements, fromPlans).filter(s -> s.daysSilent() > silenceDays)
                .sorted(Comparator.comparing(Silence::daysSilent).reversed()).toList();
    }

    private Silence silence(String kind, String reference, String partner, String title, String waitingFor,
                            Instant lastChange, LocalDate today, String url) {
        LocalDate last = LocalDate.ofInstant(lastChange, RegisterClock.SECRETARIAT_ZONE);
        return new Silence(kind, reference, partner, title, waitingFor, last, ChronoUnit.DAYS.between(last, today), url);
    }

    /**
     * By reference, the last status change or comment of the records of {@code table} in {@code status}
     * (records with neither are absent): the records by their status index, their histories and
     * comments by their foreign-key indexes.
     */
    private Map<String, Instant> lastActivity(String table, String history, String comments, String key, String status) {
        Map<String, Instant> last = new HashMap<>();
        for (String sql : List.of(
                "SELECT r.reference, MAX(h.changed_at) AS at FROM %s r JOIN %s h ON h.%s = r.id WHERE r.status = :status GROUP BY r.reference"
                        .formatted(table, history, key),
                "SELECT r.reference, MAX(c.created_at) AS at FROM %s r JOIN %s c ON c.%s = r.id WHERE r.status = :status GROUP BY r.reference"
                        .formatted(table, comments, key))) {
            jdbc.sql(sql).param("status", status)
                    .query((rs, row) -> Map.entry(rs.getString("reference"), rs.getTimestamp("at").toInstant())).list()
                    .forEach(e -> last.merge(e.getKey(), e.getValue(), (x, y) -> x.isAfter(y) ? x : y));
        }
        return last;
    }
}
