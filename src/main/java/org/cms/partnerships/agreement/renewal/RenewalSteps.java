package org.cms.partnerships.agreement.renewal;

import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;
import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.amendment.AmendmentProcess;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renewal's steps: the officer's decision, and what it starts (a renewal proposal or an extension). */
@Configuration
class RenewalSteps {

    private final AgreementService agreements;
    private final AgreementLifecycle lifecycle;
    private final AmendmentProcess amendments;
    private final IdentityService identity;

    RenewalSteps(AgreementService agreements, AgreementLifecycle lifecycle, AmendmentProcess amendments,
                 IdentityService identity) {
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.amendments = amendments;
        this.identity = identity;
    }

    @Bean("recordRenewalDecision")
    JavaDelegate recordRenewalDecision() {
        return execution -> {
            List<String> problems = new ArrayList<>();
            Decision decision = FormValues.enumValue(Decision.class, execution.getVariable(DECISION), "decision", problems);
            String reason = FormValues.requiredText(execution.getVariable(REASON), "reason", 5, problems);
            if (decision == Decision.EXTEND) {
                LocalDate end = FormValues.date(execution.getVariable(NEW_EXPIRES_ON), "new end of the term", problems);
                LocalDate current = LocalDate.parse((String) execution.getVariable(EXPIRES_ON));
                if (end != null && !end.isAfter(current)) {
                    problems.add("The new end of the term %s must be after %s".formatted(end, current));
                }
            }
            InvalidInputException.throwIfAny(problems);
            agreements.addComment((String) execution.getVariable(AGREEMENT_REFERENCE), "RENEWAL", "Renewal decision",
                    Actor.current(identity), decision + ": " + reason);
        };
    }

    /** A new proposal that supersedes this agreement, with its partner, instrument, scope and Family instruments. */
    @Bean("startRenewalProposal")
    JavaDelegate startRenewalProposal() {
        return execution -> {
            Agreement old = agreements.get((String) execution.getVariable(AGREEMENT_REFERENCE));
            Map<String, Object> proposal = new HashMap<>();
            proposal.put(AgreementProcess.PARTNER_CHOICE, "EXISTING");
            proposal.put(AgreementProcess.PARTNER_ACRONYM, old.partnerAcronym());
            proposal.put(AgreementProcess.INSTRUMENT_TYPE, old.instrumentType().name());
            proposal.put(AgreementProcess.TITLE, "Renewal of " + old.title());
            proposal.put(AgreementProcess.SCOPE_THEMES, old.scope());
            proposal.put(AgreementProcess.FAMILY_INSTRUMENTS, FormValues.list(old.familyInstruments()));
            proposal.put(AgreementProcess.TERM_START, old.expiresOn().plusDays(1).toString());
            proposal.put(AgreementProcess.SUPERSEDES, old.reference());
            ProcessInstance started = lifecycle.propose(proposal);
            execution.setVariable(FOLLOW_UP_REFERENCE, started.getBusinessKey());
        };
    }

    @Bean("startExtensionAmendment")
    JavaDelegate startExtensionAmendment() {
        return execution -> {
            ProcessInstance started = amendments.propose((String) execution.getVariable(AGREEMENT_REFERENCE),
                    "EXTENSION_OF_TERM", "Extension of the term: " + execution.getVariable(REASON), null,
                    FormValues.text(execution.getVariable(NEW_EXPIRES_ON)));
            execution.setVariable(FOLLOW_UP_REFERENCE, started.getBusinessKey());
        };
    }
}
