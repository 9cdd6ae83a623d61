package org.cms.partnerships.agreement.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.agreement.AgreementSettings;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.renewal.RenewalProcess;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.engine.RunningProcesses;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts what is due for agreements in force, from the register: agreements live for decades, so no
 * process waits for them; each morning a sweep starts a short review for every agreement whose review
 * date has come, and a renewal decision for every agreement whose term ends soon. The one place that
 * starts reviews and renewals; it returns their business keys.
 *
 * <p>Nothing starts twice: the business key names agreement and date, so a second sweep on the same
 * day (or after a restart) finds the review already there; and the database lets only one review
 * and one renewal of an agreement run at a time.
 *
 * <p>The sweep starts in batches of {@link #BATCH_SIZE}, each batch in a transaction of its own (one
 * commit, one flush of the engine's inserts for the whole batch, instead of one per agreement). Before a
 * batch, one query finds which of its agreements were already started for that date (history) and one
 * which have a review or renewal under way (the exclusive keys); those are skipped and logged. A start
 * refused all the same (409: a start that raced the sweep) rolls its batch back, and the batch is started
 * again one agreement at a time, each in a transaction of its own, so the refusal loses none of the
 * others. Any other failure rolls back its batch and fails the sweep (the job is retried, then an
 * incident): batches committed before it stay, each complete, and the retry finds them started.
 *
 * <p>The morning sweep's job does one share of at most {@link #SHARE_SIZE} agreements due, in reference
 * order; the model loops, one job per share, going on after the last reference the share before came to,
 * so that no job outlasts the job lock time (after which another node would take the job over while it
 * still runs).
 */
@Component
public class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    /** Starts per transaction: the commit and the flush are paid once per batch; a failure rolls back at most this many. */
    public static final int BATCH_SIZE = 100;
    /**
     * Agreements due per job of the sweep: ten batches, some 15 s at the 15 ms per agreement measured at
     * 10,000 on the loaded 2-core machine, well within the job lock time (60 s).
     */
    public static final int SHARE_SIZE = 1_000;

    private final AgreementService agreements;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final AgreementSettings settings;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RunningProcesses running;
    private final ReviewBatch reviewBatch;
    private int batchSize = BATCH_SIZE;
    private int shareSize = SHARE_SIZE;

    public FollowUps(AgreementService agreements, RuntimeService runtime, HistoryService history,
                     IdentityService identity, AgreementSettings settings, ProcessEngineConfigurationImpl engineConfiguration,
                     RunningProcesses running, ReviewBatch reviewBatch) {
        this.agreements = agreements;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.settings = settings;
        this.engineConfiguration = engineConfiguration;
        this.running = running;
        this.reviewBatch = reviewBatch;
    }

    public record Started(List<String> reviews, List<String> renewals) {
    }

    /** One start the sweep has come to: the agreement, the business key it would get, and how to start it. */
    private record Due(String agreementReference, String businessKey, Runnable start) {
    }

    /** How a batch of starts runs inside its transaction: the reviews look up their agreements for the batch at once. */
    private interface BatchRun {
        void run(List<String> agreementReferences, Runnable starts);
    }

    /**
     * One share of the sweep (one job of {@code agreement-follow-up-sweep}): the reviews due, in reference
     * order, after {@code after}, at most {@link #SHARE_SIZE}; {@code sweptUpTo} is the last reference it came
     * to, or null when none is left, and then the share also starts the renewals (a few a day).
     */
    public record Share(List<String> reviews, List<String> renewals, String sweptUpTo) {
    }

    /** The morning sweep: the reviews and renewals due {@code today}, all at once (on demand, over REST). */
    public Started startDue(LocalDate today) {
        return new Started(startDueReviews(today), startDueRenewals(today));
    }

    /**
     * A share of the morning sweep, so that no job outlasts the job lock time (60 s) however large the
     * register. The order is the references' in Java,
     * whatever the database's collation, so that no share skips or repeats an agreement.
     */
    public Share startDueShare(LocalDate today, String after) {
        return asSystem(() -> {
            List<Agreement> due = agreements.reviewsDueBy(today).stream()
                    .filter(agreement -> after == null || agreement.reference().compareTo(after) > 0)
                    .sorted(java.util.Comparator.comparing(Agreement::reference)).toList();
            if (due.size() > shareSize) {
                List<Agreement> share = due.subList(0, shareSize);
                List<String> reviews = startReviews(share);
                log.info("Follow-up sweep for {}: {} reviews started up to {}, more to come", today, reviews.size(),
                        share.get(share.size() - 1).reference());
                return new Share(reviews, List.of(), share.get(share.size() - 1).reference());
            }
            List<String> reviews = startReviews(due);
            log.info("Follow-up sweep for {}: {} reviews started", today, reviews.size());
            return new Share(reviews, startDueRenewals(today), null);
        });
    }

    /**
     * Runs as the system, whoever triggers it: it must see every review already started, not only
     * those the caller may see, or it would start one twice.
     *
     * @return the business keys of the reviews it started
     */
    public List<String> startDueReviews(LocalDate today) {
        return asSystem(() -> {
            List<String> started = startReviews(agreements.reviewsDueBy(today));
            log.info("Follow-up sweep for {}: {} reviews started", today, started.size());
            return started;
        });
    }

    private List<String> startReviews(List<Agreement> dueForReview) {
        List<Due> due = new ArrayList<>();
        for (Agreement agreement : dueForReview) {
            String key = AnnualReviewProcess.businessKey(agreement.reference(), agreement.nextReviewOn());
            due.add(new Due(agreement.reference(), key, () -> startReview(agreement.reference(), agreement.nextReviewOn(), key)));
        }
        return startInBatches(AnnualReviewProcess.KEY, due, reviewBatch::starting);
    }

    /**
     * Starts the renewal decision for every agreement whose term ends within the first alert period
     * (90 days by default); as the reviews, once per agreement and end date, as the system.
     *
     * @return the business keys of the renewals it started
     */
    public List<String> startDueRenewals(LocalDate today) {
        return asSystem(() -> {
            List<Due> due = new ArrayList<>();
            for (Agreement agreement : agreements.expiringBy(today.plusDays(settings.renewalAlertDays().get(0)))) {
                String key = RenewalProcess.businessKey(agreement.reference(), agreement.expiresOn());
                due.add(new Due(agreement.reference(), key, () -> startRenewal(agreement.reference(), key)));
            }
            List<String> started = startInBatches(RenewalProcess.KEY, due, (references, starts) -> starts.run());
            log.info("Follow-up sweep for {}: {} renewals started", today, started.size());
            return started;
        });
    }

    /** A renewal decision outside the calendar (Tasklist or REST); the start checks the agreement. */
    public String startRenewalNow(String agreementReference) {
        return startRenewal(agreementReference, null);
    }

    /** A review outside the calendar (Tasklist or REST): due today. */
    public String startReviewNow(String agreementReference, LocalDate today) {
        return startReview(agreementReference, today, null);
    }

    private String startReview(String reference, LocalDate dueOn, String key) {
        Map<String, Object> variables = new HashMap<>();
        AgreementVariables.REFERENCE.putIn(variables, reference);
        AnnualReviewProcess.REVIEW_DUE_ON.putIn(variables, dueOn);
        return runtime.createProcessInstanceByKey(AnnualReviewProcess.KEY).businessKey(key).setVariables(variables)
                .execute().getBusinessKey();
    }

    private String startRenewal(String reference, String key) {
        Map<String, Object> variables = new HashMap<>();
        AgreementVariables.REFERENCE.putIn(variables, reference);
        return runtime.createProcessInstanceByKey(RenewalProcess.KEY).businessKey(key).setVariables(variables)
                .execute().getBusinessKey();
    }

    /** The business keys started, in the order of {@code due}. */
    private List<String> startInBatches(String processKey, List<Due> due, BatchRun run) {
        List<String> started = new ArrayList<>();
        for (int from = 0; from < due.size(); from += batchSize) {
            started.addAll(startBatch(processKey, due.subList(from, Math.min(due.size(), from + batchSize)), run));
        }
        return started;
    }

    private List<String> startBatch(String processKey, List<Due> batch, BatchRun run) {
        Set<String> startedBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKeyIn(batch.stream().map(Due::businessKey).toArray(String[]::new)).list().stream()
                .map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
        // Both the review and the renewal declare exclusiveKey = ${agreementReference}.
        Set<String> underWay = running.underWay(processKey, batch.stream().map(Due::agreementReference).toList());
        List<Due> toStart = new ArrayList<>();
        for (Due due : batch) {
            if (underWay.contains(due.agreementReference()) && !startedBefore.contains(due.businessKey())) {
                log.info("Follow-up sweep skips {}: a {} of the agreement is already under way", due.businessKey(), processKey);
            } else if (!startedBefore.contains(due.businessKey())) {
                toStart.add(due);
            }
        }
        if (toStart.isEmpty()) {
            return List.of();
        }
        try {
            inTransactionOfItsOwn(() -> run.run(toStart.stream().map(Due::agreementReference).toList(),
                    () -> toStart.forEach(due -> due.start().run())));
            return toStart.stream().map(Due::businessKey).toList();
        } catch (ConflictException raced) {
            // A start between the check and this batch: the batch is rolled back; one by one, the others still start.
            log.info("Follow-up sweep: {}; the batch of {} starts one by one", raced.getMessage(), toStart.size());
            List<String> started = new ArrayList<>();
            for (Due due : toStart) {
                if (!exists(processKey, due.businessKey()) && startedApart(due.start())) {
                    started.add(due.businessKey());
                }
            }
            return started;
        }
    }

    private boolean exists(String processKey, String businessKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count() > 0;
    }

    /** Starts in a transaction of its own; false when one is already under way for the agreement. */
    private boolean startedApart(Runnable start) {
        try {
            inTransactionOfItsOwn(start);
            return true;
        } catch (ConflictException e) {
            log.info("Follow-up sweep skips one: {}", e.getMessage());
            return false;
        }
    }

    /**
     * A new transaction, whatever the caller's (the sweep's job): a refused insert aborts a PostgreSQL
     * transaction, and a batch must commit or roll back as a whole, on its own.
     */
    private void inTransactionOfItsOwn(Runnable work) {
        engineConfiguration.getCommandExecutorTxRequiresNew().execute(commandContext -> {
            work.run();
            return null;
        });
    }

    /** Tests walk several batches and shares over the small demo register. */
    void batchSize(int size) {
        batchSize = size;
    }

    void shareSize(int size) {
        shareSize = size;
    }

    private <T> T asSystem(Supplier<T> action) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
