package org.cms.partnerships.agreement.amendment;

import static org.cms.partnerships.agreement.amendment.AmendmentProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Revise the amendment": the revised text (at least 10 characters) goes into the amendment's history before it is routed again. */
@Component("amendmentRevised")
class RecordAmendmentRevision implements TaskListener {

    private final AmendmentService amendments;
    private final IdentityService identity;

    RecordAmendmentRevision(AmendmentService amendments, IdentityService identity) {
        this.amendments = amendments;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String description = in.text(DESCRIPTION, 10);
        in.throwIfInvalid();
        amendments.recordStep(AgreementVariables.REFERENCE.from(task), NUMBER.from(task), "REVISED", Actor.current(identity),
                description);
    }
}
