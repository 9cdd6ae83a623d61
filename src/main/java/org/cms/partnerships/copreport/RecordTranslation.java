package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.Language;
import org.springframework.stereotype.Component;

/**
 * Completing "Record the translation" (one task per language): it arrived, with the date and the
 * translated text of every section, or it will not arrive and the report goes out without it.
 */
@Component("recordTranslation")
class RecordTranslation implements TaskListener {

    private final CopReportService reports;

    RecordTranslation(CopReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        TranslationOutcome outcome = in.required(TRANSLATION_OUTCOME);
        Map<ReportSection, String> texts = new EnumMap<>(ReportSection.class);
        LocalDate on = null;
        if (outcome == TranslationOutcome.RECEIVED) {
            on = in.required(TRANSLATION_RECEIVED_ON);
            in.check(on == null || !on.isAfter(RegisterClock.today()),
                    "translationReceivedOn: %s is in the future".formatted(on));
            for (ReportSection section : ReportSection.values()) {
                texts.put(section, in.text(translation(section), RecordCopReportDraft.MIN_LENGTH));
            }
        }
        in.throwIfInvalid();
        reports.recordTranslation(REPORT_KEY.from(task), Language.valueOf(TRANSLATION_LANGUAGE.from(task)),
                outcome == TranslationOutcome.RECEIVED, on, texts,
                Actor.current(task.getProcessEngineServices().getIdentityService()));
    }
}
