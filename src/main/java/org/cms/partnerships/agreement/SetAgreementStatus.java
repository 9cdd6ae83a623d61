package org.cms.partnerships.agreement;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Moves the agreement to the status in the task's input parameter {@code status}, with the reason in
 * {@code reason}.
 *
 * @deprecated partnership-agreement declares its statuses on its stages ({@link AgreementStageStatus});
 *             kept only for agreement-renewal's "Mark expired" until that model declares {@code EXPIRED}
 *             the same way, then delete.
 */
@Deprecated
@Component("setAgreementStatus")
class SetAgreementStatus implements JavaDelegate {

    private static final ProcessVariable<AgreementStatus> STATUS = ProcessVariable.choice("status", AgreementStatus.class);
    private static final ProcessVariable<String> REASON = ProcessVariable.text("reason");

    private final AgreementService agreements;
    private final IdentityService identity;

    SetAgreementStatus(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        agreements.changeStatus(AgreementVariables.REFERENCE.from(execution), STATUS.from(execution),
                Actor.current(identity), REASON.orNull(execution));
    }
}
