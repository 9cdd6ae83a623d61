package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementProcess.LegalDecision;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Review the amendment": the legal decision goes into the amendment's history; changes required need a reason. */
@Component("recordAmendmentLegalReview")
class RecordAmendmentLegalReview implements TaskListener {

    private final AmendmentService amendments;
    private final IdentityService identity;

    RecordAmendmentLegalReview(AmendmentService amendments, IdentityService identity) {
        this.amendments = amendments;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        LegalDecision decision = in.required(LEGAL_DECISION);
        String comments = in.optionalText(LEGAL_COMMENTS);
        in.check(decision != LegalDecision.CHANGES_REQUIRED || comments.length() >= 10, "Say why (at least 10 characters)");
        in.throwIfInvalid();
        amendments.recordStep(AgreementVariables.REFERENCE.from(task), NUMBER.from(task), "LEGAL_REVIEW: " + decision,
                Actor.current(identity), comments);
    }
}
