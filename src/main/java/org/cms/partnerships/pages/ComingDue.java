package org.cms.partnerships.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.cms.partnerships.workplan.WorkPlanStatusChange;
import org.springframework.beans.factory.annotation.Value;
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
    private final int horizonDays;
    private final int silenceDays;

    public ComingDue(AgreementService agreements, WorkPlanService workPlans, RegisterReadAccess access,
                     EngineWork engine, @Value("${cms.register.coming-due-days:90}") int horizonDays,
                     @Value("${cms.register.silence-days:60}") int silenceDays) {
        this.agreements = agreements;
        this.workPlans = workPlans;
        this.access = access;
        this.engine = engine;
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
        Stream<Silence> fromAgreements = access.readable(agreements.search(
                        new AgreementFilter(AgreementStatus.AWAITING_PARTNER_APPROVAL, null, null, null, null))).stream()
                .map(a -> silence("Agreement", a.reference(), a.partnerAcronym(), a.title(), "the partner's approval",
                        lastChangeOf(a), today, Links.agreement(a.reference())));
        Stream<Silence> fromPlans = workPlans.all().stream()
                .filter(p -> p.status() == WorkPlanStatus.IN_CONSULTATION)
                .filter(p -> p.agreementReference() == null ? access.current().everything()
                        : access.readable(List.of(agreements.get(p.agreementReference()))).size() == 1)
                .map(p -> silence("Joint work plan", p.reference(), p.partnerAcronym(), p.title(), "the partner's comments",
                        lastChangeOf(p), today, Links.workPlan(p.reference())));
        return Stream.concat(fromAgreements, fromPlans).filter(s -> s.daysSilent() > silenceDays)
                .sorted(Comparator.comparing(Silence::daysSilent).reversed()).toList();
    }

    private Silence silence(String kind, String reference, String partner, String title, String waitingFor,
                            Instant lastChange, LocalDate today, String url) {
        LocalDate last = LocalDate.ofInstant(lastChange, RegisterClock.SECRETARIAT_ZONE);
        return new Silence(kind, reference, partner, title, waitingFor, last, ChronoUnit.DAYS.between(last, today), url);
    }

    private Instant lastChangeOf(Agreement a) {
        Stream<Instant> changes = agreements.history(a.reference()).stream().map(StatusChange::changedAt);
        Stream<Instant> comments = agreements.comments(a.reference()).stream().map(AgreementService.Comment::createdAt);
        return Stream.concat(changes, comments).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private Instant lastChangeOf(WorkPlan p) {
        Stream<Instant> changes = workPlans.history(p.reference()).stream().map(WorkPlanStatusChange::changedAt);
        Stream<Instant> comments = workPlans.comments(p.reference()).stream().map(WorkPlanService.Comment::createdAt);
        return Stream.concat(changes, comments).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }
}
