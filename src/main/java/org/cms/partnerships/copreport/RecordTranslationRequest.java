package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.Language;
import org.springframework.stereotype.Component;

/** Completing "Request the courtesy translations": French and Spanish, due on a day in the future. */
@Component("recordTranslationRequest")
class RecordTranslationRequest implements TaskListener {

    static final List<Language> COURTESY = List.of(Language.FR, Language.ES);

    private final CopReportService reports;

    RecordTranslationRequest(CopReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        LocalDate due = in.required(TRANSLATION_DUE);
        in.check(due == null || due.isAfter(RegisterClock.today()),
                "translationDueDate: the deadline %s is not in the future".formatted(due));
        in.throwIfInvalid();
        reports.requestTranslations(REPORT_KEY.from(task), COURTESY, due,
                Actor.current(task.getProcessEngineServices().getIdentityService()));
        TRANSLATION_DUE.set(task, due);
        TRANSLATION_DUE_AT.set(task, RegisterClock.at(due, LocalTime.of(18, 0)));
        TRANSLATION_LANGUAGES.set(task, COURTESY.stream().map(Language::name).toList());
    }
}
