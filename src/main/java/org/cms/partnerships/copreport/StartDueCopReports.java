package org.cms.partnerships.copreport;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.stereotype.Component;

/** The schedule's one step: start the reports of the COPs that open within the configured months. */
@Component("startDueCopReports")
class StartDueCopReports implements JavaDelegate {

    private final CopReportProcess process;

    StartDueCopReports(CopReportProcess process) {
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        process.startDue(RegisterClock.today());
    }
}
