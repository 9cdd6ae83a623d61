package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * The partner's answer, recorded by the officer or arrived by REST: approved, declined (why), or the
 * officer withdraws the proposal (why).
 */
@Component("recordPartnerDecision")
class RecordPartnerDecision implements JavaDelegate {

    enum Decision { APPROVED, DECLINED, WITHDRAW }

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordPartnerDecision(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Decision decision = FormValues.enumValue(Decision.class, execution.getVariable(PARTNER_DECISION), "partner decision", problems);
        String reason = FormValues.text(execution.getVariable(PARTNER_DECISION_REASON));
        if (decision != null && decision != Decision.APPROVED && reason.length() < 10) {
            problems.add("Say why (at least 10 characters)");
        }
        LocalDate date = FormValues.text(execution.getVariable(PARTNER_DECISION_DATE)).isEmpty() ? RegisterClock.today()
                : FormValues.date(execution.getVariable(PARTNER_DECISION_DATE), "date of the partner's decision", problems);
        if (date != null && date.isAfter(RegisterClock.today())) {
            problems.add("The date of the partner's decision %s is in the future".formatted(date));
        }
        InvalidInputException.throwIfAny(problems);
        String source = decision == Decision.WITHDRAW ? "Secretariat" : (String) execution.getVariable(PARTNER_ACRONYM);
        agreements.addComment((String) execution.getVariable(AGREEMENT_REFERENCE), "PARTNER_DECISION", source,
                Actor.current(identity), decision + " on " + date + (reason.isEmpty() ? "" : ": " + reason));
        switch (decision) {
            case DECLINED -> execution.setVariable(REJECTION_REASON, "Declined by the partner: " + reason);
            case WITHDRAW -> execution.setVariable(WITHDRAWAL_REASON, reason);
            default -> { }
        }
    }
}
