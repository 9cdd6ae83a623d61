package org.cms.partnerships.agreement.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.agreement.AgreementSettings;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.renewal.RenewalProcess;
import org.cms.partnerships.common.ConflictException;
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
 * and one renewal of an agreement run at a time. Each start commits on its own, so an agreement whose
 * review is already under way (409) is skipped without failing the sweep.
 */
@Component
public class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final AgreementService agreements;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final AgreementSettings settings;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    public FollowUps(AgreementService agreements, RuntimeService runtime, HistoryService history,
                     IdentityService identity, AgreementSettings settings, ProcessEngineConfigurationImpl engineConfiguration) {
        this.agreements = agreements;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.settings = settings;
        this.engineConfiguration = engineConfiguration;
    }

    public record Started(List<String> reviews, List<String> renewals) {
    }

    /** The morning sweep: the reviews and renewals due {@code today}. */
    public Started startDue(LocalDate today) {
        return new Started(startDueReviews(today), startDueRenewals(today));
    }

    /**
     * Runs as the system, whoever triggers it: it must see every review already started, not only
     * those the caller may see, or it would start one twice.
     *
     * @return the business keys of the reviews it started
     */
    public List<String> startDueReviews(LocalDate today) {
        return asSystem(() -> {
            List<String> started = new ArrayList<>();
            for (Agreement agreement : agreements.reviewsDueBy(today)) {
                String key = AnnualReviewProcess.businessKey(agreement.reference(), agreement.nextReviewOn());
                if (!exists(AnnualReviewProcess.KEY, key) && startedApart(() -> startReview(agreement.reference(),
                        agreement.nextReviewOn(), key))) {
                    started.add(key);
                }
            }
            log.info("Follow-up sweep for {}: {} reviews started", today, started.size());
            return started;
        });
    }

    /**
     * Starts the renewal decision for every agreement whose term ends within the first alert period
     * (90 days by default); as the reviews, once per agreement and end date, as the system.
     *
     * @return the business keys of the renewals it started
     */
    public List<String> startDueRenewals(LocalDate today) {
        return asSystem(() -> {
            List<String> started = new ArrayList<>();
            for (Agreement agreement : agreements.expiringBy(today.plusDays(settings.renewalAlertDays().get(0)))) {
                String key = RenewalProcess.businessKey(agreement.reference(), agreement.expiresOn());
                if (!exists(RenewalProcess.KEY, key) && startedApart(() -> startRenewal(agreement.reference(), key))) {
                    started.add(key);
                }
            }
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

    private boolean exists(String processKey, String businessKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count() > 0;
    }

    /**
     * Starts in a transaction of its own (a refused insert aborts a PostgreSQL transaction); false
     * when one is already under way for the agreement.
     */
    private boolean startedApart(Runnable start) {
        try {
            engineConfiguration.getCommandExecutorTxRequiresNew().execute(commandContext -> {
                start.run();
                return null;
            });
            return true;
        } catch (ConflictException e) {
            log.info("Follow-up sweep skips one: {}", e.getMessage());
            return false;
        }
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
