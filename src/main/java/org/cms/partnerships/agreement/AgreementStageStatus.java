package org.cms.partnerships.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.StageStatus;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/** The agreement's register status, declared on the stages of the agreement processes as {@code agreementStatus}. */
@Component
class AgreementStageStatus implements StageStatus {

    static final String PROPERTY = "agreementStatus";

    private final AgreementService agreements;

    /** No engine service injected: the engine asks for this bean while it deploys its models. */
    AgreementStageStatus(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public String property() {
        return PROPERTY;
    }

    @Override
    public void checkStatus(String status) {
        AgreementStatus.valueOf(status);
    }

    /**
     * Entering a stage the agreement is already at records nothing: a process started at that stage
     * (one step tested alone, a record brought under process control) finds it there. A status change
     * asked for explicitly still refuses a move to the same status.
     */
    @Override
    public void enter(DelegateExecution execution, String status, String reason) {
        agreements.enterStage(AgreementVariables.REFERENCE.from(execution), AgreementStatus.valueOf(status),
                Actor.current(execution.getProcessEngineServices().getIdentityService()), reason);
    }
}
