package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/**
 * Completing "Approve the report": approve (the facts are frozen now) or return with comments (at
 * least 10 characters), which the officer's next draft shows. Sets the translations' default deadline.
 */
@Component("recordCopReportApproval")
class RecordCopReportApproval implements TaskListener {

    private final CopReportService reports;
    private final CopReportSettings settings;

    RecordCopReportApproval(CopReportService reports, CopReportSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Decision decision = in.required(DECISION);
        String comments = decision == Decision.RETURN ? in.text(COMMENTS, 10) : in.optionalText(COMMENTS);
        in.throwIfInvalid();
        String key = REPORT_KEY.from(task);
        String by = Actor.current(task.getProcessEngineServices().getIdentityService());
        if (decision == Decision.APPROVE) {
            FACTS_SUMMARY.set(task, FactsText.summary(reports.approve(key, comments, by)));
            LocalDate due = RegisterClock.today().plusDays(settings.translationDays());
            LocalDate deadline = DOCUMENT_DEADLINE.from(task);
            // The translations are due before the document deadline when there is still time for it.
            TRANSLATION_DUE.set(task, deadline.minusDays(7).isAfter(RegisterClock.today()) && due.isAfter(deadline.minusDays(7))
                    ? deadline.minusDays(7) : due);
        } else {
            reports.returnDraft(key, comments, by);
        }
        COMMENTS.set(task, comments);
    }
}
