package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.register.Language;
import org.springframework.stereotype.Component;

/** Create listener of "Record the translation": the language by name, and the English text to translate. */
@Component("showTranslationLanguage")
class ShowTranslationLanguage implements TaskListener {

    private final CopReportService reports;

    ShowTranslationLanguage(CopReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Language language = Language.valueOf(TRANSLATION_LANGUAGE.from(task));
        TRANSLATION_LANGUAGE_NAME.setLocal(task, language == Language.FR ? "French" : "Spanish");
        reports.narrative(REPORT_KEY.from(task), Language.EN).forEach((section, text) -> narrative(section).setLocal(task, text));
    }
}
