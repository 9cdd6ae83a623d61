package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.springframework.stereotype.Component;

/** Completing "Draft the narrative": every section's narrative (at least 20 characters), kept in English. */
@Component("recordCopReportDraft")
class RecordCopReportDraft implements TaskListener {

    static final int MIN_LENGTH = 20;

    private final CopReportService reports;

    RecordCopReportDraft(CopReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Map<ReportSection, String> texts = new EnumMap<>(ReportSection.class);
        for (ReportSection section : ReportSection.values()) {
            texts.put(section, in.text(narrative(section), MIN_LENGTH));
        }
        in.throwIfInvalid();
        reports.saveNarrative(REPORT_KEY.from(task), texts,
                Actor.current(task.getProcessEngineServices().getIdentityService()));
    }
}
