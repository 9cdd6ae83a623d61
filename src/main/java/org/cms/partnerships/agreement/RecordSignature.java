package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Completing "Sign and record the signature": reads the form and signs in the register
 * ({@link AgreementService#sign}: the dates checked, IN_FORCE, first annual review, the agreement it
 * replaces SUPERSEDED and linked both ways). Every problem, of the form or of the dates, at once.
 */
@Component("recordSignature")
class RecordSignature implements TaskListener {

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordSignature(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = AgreementVariables.REFERENCE.from(task);
        FormInput in = FormInput.of(task);
        LocalDate signedOn = in.required(SIGNED_ON);
        String place = in.text(PLACE_OF_SIGNATURE, 2);
        String forCms = in.text(SIGNATORY_CMS, 3);
        String forPartner = in.text(SIGNATORY_PARTNER, 3);
        LocalDate inForceFrom = in.optional(IN_FORCE_FROM);
        LocalDate expiresOn = in.optional(EXPIRES_ON);
        AgreementService.Signature signature = new AgreementService.Signature(signedOn, inForceFrom, place, forCms,
                forPartner, expiresOn);
        if (signedOn != null) {
            agreements.signatureProblems(reference, signature).forEach(in::problem);
        }
        in.throwIfInvalid();
        agreements.sign(reference, signature, SUPERSEDES.orNull(task), Actor.current(identity));
    }
}
