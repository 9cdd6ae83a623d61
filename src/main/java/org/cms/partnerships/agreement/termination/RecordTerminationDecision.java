package org.cms.partnerships.agreement.termination;

import static org.cms.partnerships.agreement.termination.TerminationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Decide on termination": a decision and a comment (at least 3 characters), kept for the status history to quote. */
@Component("recordTerminationDecision")
class RecordTerminationDecision implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        in.required(DECISION);
        String comment = in.text(DECISION_COMMENT, 3);
        in.throwIfInvalid();
        DECISION_COMMENT.set(task, comment);
    }
}
