package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Publish the report": the date it went out with its symbol (not in the future). */
@Component("recordPublication")
class RecordPublication implements TaskListener {

    private final CopReportService reports;

    RecordPublication(CopReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        LocalDate on = in.required(PUBLISHED_ON);
        in.throwIfInvalid();
        reports.publish(REPORT_KEY.from(task), on, Actor.current(task.getProcessEngineServices().getIdentityService()));
        PUBLISHED_ON.set(task, on);
    }
}
