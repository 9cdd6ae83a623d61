package org.cms.partnerships.agreement.review;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.agreement.AgreementSettings;
import org.cms.partnerships.agreement.renewal.RenewalProcess;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts what is due for agreements in force, from the register: agreements live for decades, so
 * no process waits for them; each morning a sweep starts a short review for every agreement whose
 * review date has come, and a renewal decision for every agreement whose term ends soon. The business key names agreement and date, so a second sweep on the same
 * day (or after a restart) finds the review already there and starts nothing twice.
 */
@Component
public class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final AgreementService agreements;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final AgreementSettings settings;

    public FollowUps(AgreementService agreements, RuntimeService runtime, HistoryService history,
                     IdentityService identity, AgreementSettings settings) {
        this.agreements = agreements;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.settings = settings;
    }

    /**
     * Runs as the system, whoever triggers it: it must see every review already started, not only
     * those the caller may see, or it would start one twice.
     *
     * @return the business keys of the reviews it started
     */
    public List<String> startDueReviews(LocalDate today) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return startDueReviewsAsSystem(today);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private List<String> startDueReviewsAsSystem(LocalDate today) {
        List<String> started = new ArrayList<>();
        for (Agreement agreement : agreements.reviewsDueBy(today)) {
            String key = AnnualReviewProcess.businessKey(agreement.reference(), agreement.nextReviewOn());
            boolean exists = history.createHistoricProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
                    .processInstanceBusinessKey(key).count() > 0;
            if (!exists) {
                startReview(agreement.reference(), agreement.nextReviewOn(), key);
                started.add(key);
            }
        }
        log.info("Follow-up sweep for {}: {} reviews started", today, started.size());
        return started;
    }

    /**
     * Starts the renewal decision for every agreement whose term ends within the first alert
     * period (90 days by default); as the reviews, once per agreement and end date, as the system.
     *
     * @return the business keys of the renewals it started
     */
    public List<String> startDueRenewals(LocalDate today) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            List<String> started = new ArrayList<>();
            for (Agreement agreement : agreements.expiringBy(today.plusDays(settings.renewalAlertDays().get(0)))) {
                String key = RenewalProcess.businessKey(agreement.reference(), agreement.expiresOn());
                boolean exists = history.createHistoricProcessInstanceQuery().processDefinitionKey(RenewalProcess.KEY)
                        .processInstanceBusinessKey(key).count() > 0;
                if (!exists) {
                    runtime.createProcessInstanceByKey(RenewalProcess.KEY).businessKey(key)
                            .setVariables(Map.of(AGREEMENT_REFERENCE, agreement.reference())).execute();
                    started.add(key);
                }
            }
            log.info("Follow-up sweep for {}: {} renewals started", today, started.size());
            return started;
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** A renewal decision outside the calendar (Tasklist or REST); the start checks the agreement. */
    public String startRenewalNow(String agreementReference) {
        return runtime.createProcessInstanceByKey(RenewalProcess.KEY)
                .setVariables(Map.of(AGREEMENT_REFERENCE, agreementReference)).execute().getBusinessKey();
    }

    /** A review outside the calendar (Tasklist or REST): due today. */
    public String startReviewNow(String agreementReference, LocalDate today) {
        String key = AnnualReviewProcess.businessKey(agreementReference, today);
        startReview(agreementReference, today, key);
        return key;
    }

    private void startReview(String reference, LocalDate dueOn, String key) {
        runtime.createProcessInstanceByKey(AnnualReviewProcess.KEY).businessKey(key)
                .setVariables(Map.of(AGREEMENT_REFERENCE, reference, AnnualReviewProcess.REVIEW_DUE_ON, dueOn.toString()))
                .execute();
    }
}
