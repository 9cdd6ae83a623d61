package org.cms.partnerships.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AnnualReview;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.demo.DemoData.AgreementEntry;
import org.cms.partnerships.demo.DemoData.EventEntry;
import org.cms.partnerships.demo.DemoData.PartnerEntry;
import org.cms.partnerships.endorsement.Endorsement;
import org.cms.partnerships.endorsement.EndorsementService;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementService.NewAgreement;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.CommitteeService;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.register.PartnerService.NewFocalPoint;
import org.cms.partnerships.register.PartnerService.NewPartner;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanLifecycle;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.cms.partnerships.workplan.WorkPlanService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo register from the YAML files in {@code demo/} once: when the register already has
 * partners, it does nothing, so a restart on the same database adds no duplicates. All or nothing,
 * in one transaction. Goes through the register services like every other writer. Then every
 * agreement or joint work plan waiting at an intermediate stage that never had a process (IOTC's draft
 * MoC awaiting the partner since 2015, the CMS-CITES plan 2008-2011 in implementation) is brought under
 * process control ({@link AgreementLifecycle#resumeAt}, {@link WorkPlanLifecycle#resumeAt}), on every
 * start, so a restart starts nothing twice.
 */
@Component
@Profile("demo")
@Order(30)
public class DemoDataLoader implements ApplicationRunner {

    static final String SOURCE = "demo-data";
    /** Business keys per history query (an IN list the database takes in one statement). */
    static final int HISTORY_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final PartnerService partners;
    private final AgreementService agreements;
    private final CommitteeService committee;
    private final WorkPlanService workPlans;
    private final TransactionTemplate transaction;
    private final AgreementLifecycle lifecycle;
    private final WorkPlanLifecycle workPlanLifecycle;
    private final MeetingService meetings;
    private final EndorsementService endorsements;
    private final HistoryService history;
    private final ApplicationStartup startup;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DemoDataLoader(PartnerService partners, AgreementService agreements, CommitteeService committee,
                          WorkPlanService workPlans, TransactionTemplate transaction, AgreementLifecycle lifecycle,
                          WorkPlanLifecycle workPlanLifecycle, MeetingService meetings, EndorsementService endorsements,
                          HistoryService history, ApplicationStartup startup) {
        this.history = history;
        this.startup = startup;
        this.workPlanLifecycle = workPlanLifecycle;
        this.partners = partners;
        this.agreements = agreements;
        this.committee = committee;
        this.workPlans = workPlans;
        this.transaction = transaction;
        this.lifecycle = lifecycle;
        this.meetings = meetings;
        this.endorsements = endorsements;
    }

    @Override
    public void run(ApplicationArguments args) {
        StartupStep step = startup.start("cms.demo-data");
        boolean loaded = loadOnce();
        List<String> resumed = bringUnderProcessControl();
        step.tag("loaded", String.valueOf(loaded)).tag("brought-under-process", String.valueOf(resumed.size())).end();
    }

    /**
     * Starts {@code partnership-agreement} at its stage for each agreement in an intermediate status
     * that never had a process (running, ended or cancelled), and {@code joint-work-plan} likewise for
     * each plan awaiting endorsement or in implementation (the CMS-CITES list of 2008-2011); each in its
     * own transaction, so one record that cannot be resumed does not stop the others. Which records had
     * a process is asked of the history in batches, not once per record: this runs at every start, over
     * every record in an intermediate status.
     *
     * @return the references brought under process control now
     */
    public List<String> bringUnderProcessControl() {
        List<String> resumed = new java.util.ArrayList<>();
        for (AgreementStatus status : AgreementLifecycle.resumableStatuses()) {
            List<Agreement> waiting = agreements.search(new AgreementFilter(status, null, null, null, null));
            // Only records that never had a process: one whose process was cancelled is left as it is.
            Set<String> hadOne = hadAProcess(AgreementProcess.KEY, waiting.stream().map(Agreement::reference).toList());
            for (Agreement agreement : waiting) {
                if (!hadOne.contains(agreement.reference())) {
                    try {
                        resumed.add(transaction.execute(tx -> lifecycle.resumeAt(agreement.reference())));
                    } catch (RuntimeException e) {
                        log.warn("{} ({}) could not be brought under process control: {}", agreement.reference(),
                                status, e.getMessage());
                    }
                }
            }
        }
        List<WorkPlan> waitingPlans = workPlans.all().stream()
                .filter(plan -> WorkPlanLifecycle.resumableStatuses().contains(plan.status())).toList();
        Set<String> planHadOne = hadAProcess(WorkPlanProcess.KEY, waitingPlans.stream().map(WorkPlan::reference).toList());
        for (WorkPlan waiting : waitingPlans) {
            if (!planHadOne.contains(waiting.reference())) {
                try {
                    resumed.add(transaction.execute(tx -> workPlanLifecycle.resumeAt(waiting.reference())));
                } catch (RuntimeException e) {
                    log.warn("{} ({}) could not be brought under process control: {}", waiting.reference(),
                            waiting.status(), e.getMessage());
                }
            }
        }
        if (!resumed.isEmpty()) {
            log.info("Brought under process control at their stage: {}", resumed);
        }
        return resumed;
    }

    /**
     * The references among {@code references} for which a process of {@code processKey} ever ran, running,
     * ended or cancelled: what {@link AgreementLifecycle#hadAProcess} and {@link WorkPlanLifecycle#hadAProcess}
     * answer for one, asked for {@value #HISTORY_BATCH} at a time.
     */
    Set<String> hadAProcess(String processKey, List<String> references) {
        Set<String> had = new HashSet<>();
        for (int from = 0; from < references.size(); from += HISTORY_BATCH) {
            String[] batch = references.subList(from, Math.min(references.size(), from + HISTORY_BATCH)).toArray(String[]::new);
            history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKeyIn(batch)
                    .list().forEach(instance -> had.add(instance.getBusinessKey()));
        }
        return had;
    }

    /** @return true if it loaded, false if the register already held data. */
    public boolean loadOnce() {
        if (partners.count() > 0) {
            log.info("Register already holds {} partners; demo data not loaded again", partners.count());
            return false;
        }
        DemoData data = read("demo/demo-data.yaml", DemoData.class);
        DemoData.WorkPlans plans = read("demo/work-plans.yaml", DemoData.WorkPlans.class);
        DemoData.Meetings held = read("demo/meetings.yaml", DemoData.Meetings.class);
        transaction.executeWithoutResult(status -> {
            held.meetings().forEach(m -> meetings.create(new MeetingService.MeetingInput(m.kind(), m.number(), m.venue(),
                    m.startsOn(), m.endsOn(), m.notes())));
            data.partners().forEach(p -> loadPartner(p, false));
            data.deFactoPartners().forEach(p -> loadPartner(p, true));
            data.committeeMembers().forEach(m -> committee.add(new CommitteeService.NewMember(m.name(), m.partyOrSeat(),
                    m.region(), m.role(), m.email(), m.language(), m.termStart(), m.termEnd())));
            plans.workPlans().forEach(this::loadWorkPlan);
            held.endorsements().forEach(e -> endorsements.recordPastDecision(e.subjectType(), e.subject(),
                    meetings.get(Meeting.Kind.STANDING_COMMITTEE, e.meeting()), e.documentNumber(),
                    Endorsement.Decision.ENDORSED, e.text(), SOURCE));
            verifyStatuses(data);
        });
        log.info("Demo register loaded: {} partners, {} agreements, {} committee members, {} joint work plans, {} meetings",
                partners.count(), agreements.count(), committee.all().size(), workPlans.all().size(),
                meetings.list(null).size());
        return true;
    }

    private void loadPartner(PartnerEntry p, boolean deFacto) {
        Partner partner = partners.create(new NewPartner(p.acronym(), p.name(), p.category(), p.headquarters(),
                p.website(), deFacto, p.notes()));
        if (p.collaboratingSince() != null) {
            partners.recordCollaboratingSince(partner.id(), p.collaboratingSince());
        }
        if (p.focalPoint() != null) {
            partners.addFocalPoint(partner.id(), new NewFocalPoint(p.focalPoint().name(), p.focalPoint().position(),
                    p.focalPoint().email(), p.focalPoint().language()));
        }
        if (p.agreements() != null) {
            p.agreements().forEach(a -> loadAgreement(partner, a));
        }
    }

    /**
     * History: signature (or proposal, if unsigned), then supersession of what it replaces, then the
     * listed events. A superseded agreement gets its SUPERSEDED line from its successor.
     */
    private void loadAgreement(Partner partner, AgreementEntry a) {
        LocalDate first = a.signedOn() != null ? a.signedOn() : a.proposedOn();
        AgreementStatus initial = a.signedOn() != null ? AgreementStatus.IN_FORCE : AgreementStatus.PROPOSED;
        String why = (a.signedOn() != null ? "Signed" : "Proposed") + "; recorded from the Secretariat's report "
                + a.source();
        agreements.create(new NewAgreement(a.reference(), partner.id(), a.instrumentType(), a.title(), a.scope(),
                        a.familyInstruments(), a.proposedOn() != null ? a.proposedOn() : a.signedOn(),
                        a.termEndsDaysAfterLoad() == null ? null : RegisterClock.today().plusDays(a.termEndsDaysAfterLoad()),
                        a.endorsementReference(), a.conditions()),
                initial, SOURCE, why, at(first));
        if (a.signedOn() != null) {
            agreements.recordSignature(a.reference(), a.signedOn(), a.signedOn(), a.placeOfSignature(), null, null,
                    null, agreements.get(a.reference()).expiresOn());
        }
        if (a.signedAtMeeting() != null) {
            agreements.recordSignedAtMeeting(a.reference(), meeting(a.signedAtMeeting()).id());
        }
        if (a.supersedes() != null) {
            agreements.changeStatus(a.supersedes(), AgreementStatus.SUPERSEDED, SOURCE,
                    "Superseded by " + a.reference(), at(a.signedOn()));
            agreements.linkSupersession(a.reference(), a.supersedes());
        }
        List<EventEntry> events = a.events() == null ? List.of() : a.events();
        for (EventEntry e : events) {
            agreements.changeStatus(a.reference(), e.to(), SOURCE, e.reason(), at(e.on()));
        }
        Agreement loaded = agreements.get(a.reference());
        if (AgreementStatus.EFFECTIVE.contains(loaded.status()) && loaded.signedOn() != null) {
            agreements.scheduleNextReview(a.reference(), AnnualReview.firstReviewAfter(loaded.signedOn(), RegisterClock.today()));
        }
    }

    private void loadWorkPlan(DemoData.WorkPlanEntry w) {
        Partner partner = partners.getByAcronym(w.partner());
        Long agreementId = w.agreement() == null ? null : agreements.get(w.agreement()).id();
        Long predecessorId = w.predecessor() == null ? null : workPlans.get(w.predecessor()).id();
        Instant recorded = w.recordedOn() == null ? RegisterClock.now() : at(w.recordedOn());
        workPlans.create(new WorkPlanService.NewWorkPlan(w.reference(), partner.id(), agreementId, w.title(),
                w.periodStartYear(), w.periodEndYear(), w.status(), predecessorId),
                SOURCE, "Recorded from the Secretariat's reports as " + w.status(), recorded);
        w.themes().forEach(t -> workPlans.addTheme(w.reference(), t.code(), t.title()));
        Instant statusAsAt = w.statusAsAt() == null ? recorded : at(w.statusAsAt());
        for (DemoData.ActivityEntry act : w.activities()) {
            workPlans.addActivity(w.reference(), new WorkPlanService.NewActivity(act.theme(), act.code(), act.heading(),
                    act.description(), act.timeframe(), act.lead(), act.externalFunding()), recorded);
            if (act.status() != null) {
                workPlans.setActivityStatus(w.reference(), act.code(), act.status(), statusAsAt);
            }
            if (act.log() != null) {
                act.log().forEach(entry -> workPlans.addLogEntry(w.reference(), act.code(), entry.on(), entry.text(),
                        SOURCE, at(entry.on())));
            }
        }
        if (w.events() != null) {
            w.events().forEach(e -> workPlans.changeStatus(w.reference(), e.to(), SOURCE, e.reason(), at(e.on())));
        }
    }

    /** "COP9", "StC45": a meeting of meetings.yaml. */
    private Meeting meeting(String code) {
        boolean cop = code.startsWith("COP");
        return meetings.get(cop ? Meeting.Kind.COP : Meeting.Kind.STANDING_COMMITTEE,
                Integer.parseInt(code.substring(3)));
    }

    /** The file says what each agreement's status is; the history written must end there. */
    private void verifyStatuses(DemoData data) {
        for (PartnerEntry p : data.partners()) {
            for (AgreementEntry a : p.agreements()) {
                AgreementStatus actual = agreements.get(a.reference()).status();
                if (actual != a.status()) {
                    throw new IllegalStateException("Demo data for %s says %s but its history ends in %s"
                            .formatted(a.reference(), a.status(), actual));
                }
            }
        }
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(RegisterClock.SECRETARIAT_ZONE).toInstant();
    }

    private <T> T read(String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return yaml.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data " + path + ": " + e.getMessage(), e);
        }
    }
}
