package org.cms.partnerships.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A register whose status follows the process: the models declare, on a stage (a user task, a
 * sub-process, a milestone event), the status the record takes when the stage begins, as the extension
 * property named by {@link #property()} (e.g. {@code agreementStatus = IN_LEGAL_REVIEW}), optionally
 * with {@code statusReason} (an expression). {@link StageStatusPlugin} applies it; one implementation
 * per register.
 */
public interface StageStatus {

    /** The extension property the models use, e.g. {@code agreementStatus}. */
    String property();

    /** Refuses, when the model is deployed, a status the register does not know. */
    void checkStatus(String status);

    /** Moves the record of this execution to {@code status}, with who and why. */
    void enter(DelegateExecution execution, String status, String reason);
}
