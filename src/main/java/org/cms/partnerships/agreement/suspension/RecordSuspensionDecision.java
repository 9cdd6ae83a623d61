package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.suspension.SuspensionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Decide on suspension": a decision and a comment (at least 3 characters), kept for the status history to quote. */
@Component("recordSuspensionDecision")
class RecordSuspensionDecision implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        in.required(EXECUTIVE_DECISION);
        String comment = in.text(EXECUTIVE_COMMENT, 3);
        in.throwIfInvalid();
        EXECUTIVE_COMMENT.set(task, comment);
    }
}
