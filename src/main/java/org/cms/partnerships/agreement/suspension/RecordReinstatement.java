package org.cms.partnerships.agreement.suspension;

import static org.cms.partnerships.agreement.suspension.SuspensionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Reinstate the agreement": why it can resume (at least 10 characters), kept for the status history to quote. */
@Component("recordReinstatement")
class RecordReinstatement implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String reason = in.text(REINSTATEMENT_REASON, 10);
        in.throwIfInvalid();
        REINSTATEMENT_REASON.set(task, reason);
    }
}
