package org.cms.partnerships.copreport;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.StageStatus;
import org.springframework.stereotype.Component;

/**
 * The report's register status, declared on the stages of {@code cop-report} as {@code copReportStatus}
 * (applied by {@link org.cms.partnerships.engine.StageStatusPlugin}).
 */
@Component
class CopReportStageStatus implements StageStatus {

    static final String PROPERTY = "copReportStatus";

    private final CopReportService reports;

    CopReportStageStatus(CopReportService reports) {
        this.reports = reports;
    }

    @Override
    public String property() {
        return PROPERTY;
    }

    @Override
    public void checkStatus(String status) {
        CopReportStatus.valueOf(status);
    }

    @Override
    public void enter(DelegateExecution execution, String status, String reason) {
        reports.enterStage(CopReportProcess.REPORT_KEY.from(execution), CopReportStatus.valueOf(status),
                Actor.current(execution.getProcessEngineServices().getIdentityService()), reason);
    }
}
