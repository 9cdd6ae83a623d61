package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/** Completing "Review the draft": the legal review is kept on the agreement; required changes say which (the reason of DRAFTING). */
@Component("recordLegalReview")
class RecordLegalReview implements TaskListener {

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordLegalReview(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        LegalDecision decision = in.required(LEGAL_DECISION);
        String comments = in.optionalText(LEGAL_COMMENTS);
        in.check(decision != LegalDecision.CHANGES_REQUIRED || comments.length() >= 10,
                "Say which changes are required (at least 10 characters)");
        in.throwIfInvalid();
        agreements.addComment(AgreementVariables.REFERENCE.from(task), "LEGAL_REVIEW", "Legal", Actor.current(identity),
                decision + (comments.isEmpty() ? "" : ": " + comments));
        if (decision == LegalDecision.CHANGES_REQUIRED) {
            REVISION_REASON.set(task, "Legal review requires changes: " + comments);
        }
    }
}
