package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/** Completing "Clear the agreement": cleared, returned for drafting (why) or rejected (why), kept on the agreement. */
@Component("recordClearance")
class RecordClearance implements TaskListener {

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordClearance(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        ClearanceDecision decision = in.required(CLEARANCE_DECISION);
        String comments = in.optionalText(CLEARANCE_COMMENTS);
        in.check(decision == null || decision == ClearanceDecision.CLEARED || comments.length() >= 10,
                "Say why (at least 10 characters)");
        in.throwIfInvalid();
        agreements.addComment(AgreementVariables.REFERENCE.from(task), "CLEARANCE", "Executive Secretary",
                Actor.current(identity), decision + (comments.isEmpty() ? "" : ": " + comments));
        switch (decision) {
            case RETURNED -> REVISION_REASON.set(task, "Returned by the Executive Secretary: " + comments);
            case REJECTED -> REJECTION_REASON.set(task, "Rejected by the Executive Secretary: " + comments);
            default -> { }
        }
    }
}
