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
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * The agreement is signed: date, place and signatories recorded, IN_FORCE with its first annual
 * review on the anniversary, and the agreement it replaces SUPERSEDED, linked both ways.
 */
@Component("recordSignature")
class RecordSignature implements JavaDelegate {

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordSignature(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
        Agreement agreement = agreements.get(reference);
        List<String> problems = new ArrayList<>();
        LocalDate today = RegisterClock.today();
        LocalDate signedOn = FormValues.date(execution.getVariable(SIGNED_ON), "date of signature", problems);
        if (signedOn != null && signedOn.isAfter(today)) {
            problems.add("The date of signature %s is in the future".formatted(signedOn));
        }
        if (signedOn != null && agreement.proposedOn() != null && signedOn.isBefore(agreement.proposedOn())) {
            problems.add("The date of signature %s is before the proposal (%s)".formatted(signedOn, agreement.proposedOn()));
        }
        String place = FormValues.requiredText(execution.getVariable(PLACE_OF_SIGNATURE), "place of signature", 2, problems);
        String forCms = FormValues.requiredText(execution.getVariable(SIGNATORY_CMS), "signatory for CMS", 3, problems);
        String forPartner = FormValues.requiredText(execution.getVariable(SIGNATORY_PARTNER), "signatory for the partner", 3, problems);
        LocalDate inForceFrom = signedOn;
        if (!FormValues.text(execution.getVariable(IN_FORCE_FROM)).isEmpty()) {
            inForceFrom = FormValues.date(execution.getVariable(IN_FORCE_FROM), "date of entry into force", problems);
            if (inForceFrom != null && signedOn != null && inForceFrom.isBefore(signedOn)) {
                problems.add("It cannot enter into force (%s) before it is signed (%s)".formatted(inForceFrom, signedOn));
            }
        }
        LocalDate expiresOn = agreement.expiresOn();
        if (!FormValues.text(execution.getVariable(EXPIRES_ON)).isEmpty()) {
            expiresOn = FormValues.date(execution.getVariable(EXPIRES_ON), "expiry date", problems);
            if (expiresOn != null && inForceFrom != null && !expiresOn.isAfter(inForceFrom)) {
                problems.add("It cannot expire (%s) before it enters into force (%s)".formatted(expiresOn, inForceFrom));
            }
        }
        InvalidInputException.throwIfAny(problems);
        String by = Actor.current(identity);
        agreements.recordSignature(reference, signedOn, inForceFrom, place, forCms, forPartner,
                AnnualReview.firstReviewAfter(signedOn, today), expiresOn);
        agreements.changeStatus(reference, AgreementStatus.IN_FORCE, by,
                "Signed on %s in %s by %s and %s".formatted(signedOn, place, forCms, forPartner));
        String supersedes = (String) execution.getVariable(SUPERSEDES);
        if (supersedes != null) {
            agreements.changeStatus(supersedes, AgreementStatus.SUPERSEDED, by, "Superseded by " + reference);
            agreements.linkSupersession(reference, supersedes);
        }
    }
}
