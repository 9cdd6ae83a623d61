package org.cms.partnerships.operations;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.amendment.AmendmentProcess;
import org.cms.partnerships.agreement.renewal.RenewalProcess;
import org.cms.partnerships.agreement.review.AnnualReviewProcess;
import org.cms.partnerships.agreement.suspension.SuspensionProcess;
import org.cms.partnerships.agreement.termination.TerminationProcess;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Does the register agree with the engine? Lists every register row whose status disagrees with its
 * process (README "Operations"):
 * <ul>
 *   <li>an agreement on its way to signature (PROPOSED ... AWAITING_SIGNATURE) with no running
 *       {@code partnership-agreement} process: nobody will ever be asked to move it on;</li>
 *   <li>a process working on an agreement (proposal, review, renewal, amendment, suspension,
 *       termination) that waits for someone or something while the agreement is EXPIRED, SUPERSEDED,
 *       TERMINATED, REJECTED or WITHDRAWN, or no longer in the register;</li>
 *   <li>a joint work plan in consultation, awaiting endorsement or in implementation with no running
 *       {@code joint-work-plan} process, and a {@code joint-work-plan} process waiting on a plan that is.</li>
 * </ul>
 * A process that has a step of its own still to run (an e-mail after a rejection, a job in an incident)
 * is not waiting: it moves on by itself, and its incident shows in Cockpit and the metrics. The register
 * and the engine are read twice and only what shows both times is listed, so a process that is moving
 * at the moment of the check (between its commit and our reads) is not taken for a disagreement.
 *
 * <p>Runs once when the application is ready (each finding is logged as a WARN) and on demand for
 * managers ({@code GET /api/consistency}). It reports; it repairs nothing. The check at start reads
 * the whole register and every running process twice, so it runs on a thread of its own after ready:
 * serving does not depend on it, and readiness does not grow with the register (README "Performance
 * at scale").
 */
@Service
public class ConsistencyCheck {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyCheck.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    /** The processes whose business is one agreement (a called endorsement is checked through its caller). */
    static final List<String> AGREEMENT_PROCESSES = List.of(AgreementProcess.KEY, AnnualReviewProcess.KEY,
            RenewalProcess.KEY, AmendmentProcess.KEY, SuspensionProcess.KEY, TerminationProcess.KEY);

    public enum Kind {
        AGREEMENT_WITHOUT_PROCESS, PROCESS_ON_ENDED_AGREEMENT, WORK_PLAN_WITHOUT_PROCESS, PROCESS_ON_ENDED_WORK_PLAN
    }

    /** One disagreement: the record, its status in the register, and the process concerned (if any). */
    public record Finding(Kind kind, String reference, String status, String processKey, String processInstanceId,
                          String problem) {
    }

    public record Report(Instant checkedAt, int agreements, int workPlans, int processes, List<Finding> findings) {
        public boolean consistent() {
            return findings.isEmpty();
        }
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcClient jdbc;
    /** The check made at start: completes with its report, or with null if it could not run. */
    private final CompletableFuture<Report> atStart = new CompletableFuture<>();
    private volatile Thread startCheck;

    ConsistencyCheck(RuntimeService runtime, ManagementService management, JdbcClient jdbc) {
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        Thread thread = new Thread(this::checkNow, "consistency-check-at-start");
        thread.setDaemon(true);
        startCheck = thread;
        thread.start();
    }

    private void checkNow() {
        Report report;
        try {
            report = run();
        } catch (RuntimeException e) {
            // A check that cannot run must not keep the node from serving; it says so.
            log.error("The consistency check could not run at start", e);
            atStart.complete(null);
            return;
        }
        if (report.consistent()) {
            log.info("Consistency check: {} agreements, {} work plans and {} processes agree", report.agreements(),
                    report.workPlans(), report.processes());
        } else {
            report.findings().forEach(f -> log.warn("Consistency check: {} {} ({}): {}", f.kind(), f.reference(),
                    f.status(), f.problem()));
        }
        atStart.complete(report);
    }

    /** The report of the check made when the application started; null until it has run (or if it could not). */
    public Report atStart() {
        return atStart.getNow(null);
    }

    /** Waits up to {@code timeout} for the check made at start; its report, or null if it has not finished or could not run. */
    public Report awaitAtStart(Duration timeout) {
        try {
            return atStart.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A node shut down right after start lets the check finish briefly rather than fail on a closed pool. */
    @PreDestroy
    void awaitStartCheckOnShutdown() throws InterruptedException {
        Thread thread = startCheck;
        if (thread != null) {
            thread.join(SHUTDOWN_WAIT.toMillis());
        }
    }

    /** Checks now. */
    public Report run() {
        Snapshot first = read();
        Set<Finding> seenTwice = new LinkedHashSet<>(first.findings());
        Snapshot second = read();
        seenTwice.retainAll(second.findings());
        return new Report(RegisterClock.now(), second.agreements.size(), second.workPlans.size(),
                second.processes(), List.copyOf(seenTwice));
    }

    private Snapshot read() {
        // Processes first, register second: a process that ends meanwhile has already written its status.
        Map<String, List<Running>> agreementProcesses = running(AGREEMENT_PROCESSES, AgreementVariables.REFERENCE);
        Map<String, List<Running>> planProcesses = running(List.of(WorkPlanProcess.KEY), WorkPlanProcess.REFERENCE);
        Map<String, String> agreements = statuses("agreement");
        Map<String, String> workPlans = statuses("work_plan");
        return new Snapshot(agreementProcesses, planProcesses, agreements, workPlans);
    }

    private record Running(String processKey, String instanceId) {
    }

    private final class Snapshot {
        final Map<String, List<Running>> agreementProcesses;
        final Map<String, List<Running>> planProcesses;
        final Map<String, String> agreements;
        final Map<String, String> workPlans;

        Snapshot(Map<String, List<Running>> agreementProcesses, Map<String, List<Running>> planProcesses,
                 Map<String, String> agreements, Map<String, String> workPlans) {
            this.agreementProcesses = agreementProcesses;
            this.planProcesses = planProcesses;
            this.agreements = agreements;
            this.workPlans = workPlans;
        }

        int processes() {
            return agreementProcesses.values().stream().mapToInt(List::size).sum()
                    + planProcesses.values().stream().mapToInt(List::size).sum();
        }

        List<Finding> findings() {
            List<Finding> found = new ArrayList<>();
            agreements.forEach((reference, status) -> {
                boolean proposalRuns = agreementProcesses.getOrDefault(reference, List.of()).stream()
                        .anyMatch(p -> p.processKey().equals(AgreementProcess.KEY));
                if (AgreementStatus.valueOf(status).inPreparation() && !proposalRuns) {
                    found.add(new Finding(Kind.AGREEMENT_WITHOUT_PROCESS, reference, status, AgreementProcess.KEY, null,
                            "The agreement is %s but no partnership-agreement process runs for it: nobody will be asked to move it on"
                                    .formatted(status)));
                }
            });
            agreementProcesses.forEach((reference, processes) -> {
                String status = agreements.get(reference);
                if (status == null || AgreementStatus.valueOf(status).isFinal()) {
                    processes.stream().filter(p -> waiting(p.instanceId())).forEach(p -> found.add(new Finding(
                            Kind.PROCESS_ON_ENDED_AGREEMENT, reference, status, p.processKey(), p.instanceId(),
                            status == null ? "A %s process waits on an agreement that is not in the register".formatted(p.processKey())
                                    : "A %s process still waits although the agreement is %s".formatted(p.processKey(), status))));
                }
            });
            workPlans.forEach((reference, status) -> {
                WorkPlanStatus planStatus = WorkPlanStatus.valueOf(status);
                // A DRAFT is prepared in the register and starts its process when the officer is ready.
                if (planStatus != WorkPlanStatus.DRAFT && !planStatus.isFinal() && !planProcesses.containsKey(reference)) {
                    found.add(new Finding(Kind.WORK_PLAN_WITHOUT_PROCESS, reference, status, WorkPlanProcess.KEY, null,
                            "The work plan is %s but no joint-work-plan process runs for it: no consultation, endorsement or report will be asked for"
                                    .formatted(status)));
                }
            });
            planProcesses.forEach((reference, processes) -> {
                String status = workPlans.get(reference);
                if (status == null || WorkPlanStatus.valueOf(status).isFinal()) {
                    processes.stream().filter(p -> waiting(p.instanceId())).forEach(p -> found.add(new Finding(
                            Kind.PROCESS_ON_ENDED_WORK_PLAN, reference, status, p.processKey(), p.instanceId(),
                            status == null ? "A joint-work-plan process waits on a plan that is not in the register"
                                    : "A joint-work-plan process still waits although the plan is %s".formatted(status))));
                }
            });
            return found;
        }
    }

    /** Running top-level instances of the given processes by the reference they work on (upper case). */
    private Map<String, List<Running>> running(List<String> processKeys, ProcessVariable<String> reference) {
        Map<String, String> keyOf = new HashMap<>();
        for (String processKey : processKeys) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list()) {
                keyOf.put(instance.getId(), processKey);
            }
        }
        Map<String, List<Running>> byReference = new HashMap<>();
        if (keyOf.isEmpty()) {
            return byReference;
        }
        List<VariableInstance> references = runtime.createVariableInstanceQuery().variableName(reference.name())
                .processInstanceIdIn(keyOf.keySet().toArray(String[]::new)).disableBinaryFetching().list();
        for (VariableInstance value : references) {
            boolean ofTheInstance = value.getProcessInstanceId().equals(value.getExecutionId());
            if (ofTheInstance && value.getValue() instanceof String text) {
                byReference.computeIfAbsent(text.trim().toUpperCase(Locale.ROOT), r -> new ArrayList<>())
                        .add(new Running(keyOf.get(value.getProcessInstanceId()), value.getProcessInstanceId()));
            }
        }
        return byReference;
    }

    /** Waits for a person, a message or a timer: no step of its own is due to run (no async continuation). */
    private boolean waiting(String instanceId) {
        return management.createJobQuery().processInstanceId(instanceId).messages().count() == 0;
    }

    private Map<String, String> statuses(String table) {
        Map<String, String> statuses = new HashMap<>();
        jdbc.sql("SELECT reference, status FROM " + table).query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> statuses.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue()));
        return statuses;
    }
}
