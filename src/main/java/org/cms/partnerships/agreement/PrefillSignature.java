package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.EXPIRES_ON;
import static org.cms.partnerships.agreement.AgreementProcess.IN_FORCE_FROM;
import static org.cms.partnerships.agreement.AgreementProcess.TERM_START;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Creating "Sign and record the signature": the form starts from the proposal, so the Executive
 * Secretary checks the dates rather than types them: the expiry is the end of the proposed term as the
 * register holds it (also for a record brought under process control), the entry into force the proposed
 * start when that is still ahead (otherwise the agreement is in force on signature). Task-local, so the
 * values are the form's and leave no trace on the process.
 */
@Component("prefillSignature")
class PrefillSignature implements TaskListener {

    private final AgreementService agreements;

    PrefillSignature(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void notify(DelegateTask task) {
        Agreement agreement = agreements.get(AgreementVariables.REFERENCE.from(task));
        if (agreement.expiresOn() != null) {
            EXPIRES_ON.setLocal(task, agreement.expiresOn());
        }
        LocalDate start = TERM_START.orNull(task);
        if (start != null && start.isAfter(RegisterClock.today())) {
            IN_FORCE_FROM.setLocal(task, start);
        }
    }
}
