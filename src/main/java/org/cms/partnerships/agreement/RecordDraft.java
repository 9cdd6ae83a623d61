package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Records the officer's draft (link, version, summary of terms) or their withdrawal, and when the
 * Family secretariats are to be consulted, the consultation deadline and the reminder before it.
 */
@Component("recordDraft")
class RecordDraft implements JavaDelegate {

    private final AgreementService agreements;
    private final AgreementSettings settings;

    RecordDraft(AgreementService agreements, AgreementSettings settings) {
        this.agreements = agreements;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        if ("WITHDRAW".equals(execution.getVariable(DRAFT_ACTION))) {
            FormValues.requiredText(execution.getVariable(WITHDRAWAL_REASON), "reason for withdrawing", 10, problems);
            InvalidInputException.throwIfAny(problems);
            return;
        }
        String url = FormValues.text(execution.getVariable(DRAFT_URL));
        if (!url.matches("https?://\\S+")) {
            problems.add("The link to the draft must be a web address (http:// or https://)");
        }
        String version = FormValues.requiredText(execution.getVariable(DRAFT_VERSION), "version label", 1, problems);
        String summary = FormValues.requiredText(execution.getVariable(TERMS_SUMMARY), "summary of the terms", 10, problems);
        boolean consult = needsConsultation(execution);
        LocalDate deadline = null;
        if (consult) {
            deadline = FormValues.date(execution.getVariable(CONSULTATION_DEADLINE_DATE), "consultation deadline", problems);
            LocalDate earliest = RegisterClock.today().plusDays(settings.consultationReminderDays() + 1);
            if (deadline != null && deadline.isBefore(earliest)) {
                problems.add("The consultation deadline must be on or after %s, to leave the secretariats time and a reminder"
                        .formatted(earliest));
            }
        }
        InvalidInputException.throwIfAny(problems);
        agreements.recordDraft((String) execution.getVariable(AGREEMENT_REFERENCE), url, version, summary);
        execution.setVariable(REVISION_REASON, null);
        if (consult) {
            execution.setVariable(CONSULTATION_DEADLINE_DATE, deadline.toString());
            execution.setVariable(CONSULTATION_DEADLINE_AT, RegisterClock.at(deadline.plusDays(1), LocalTime.MIDNIGHT));
            execution.setVariable(CONSULTATION_REMINDER_AT,
                    RegisterClock.at(deadline.minusDays(settings.consultationReminderDays()), LocalTime.of(9, 0)));
        }
    }

    /** Consultation is routed, there are secretariats to consult, and this is not a return to endorsement. */
    @SuppressWarnings("unchecked")
    static boolean needsConsultation(DelegateExecution execution) {
        Map<String, Object> route = (Map<String, Object>) execution.getVariable(ROUTE);
        List<String> family = (List<String>) execution.getVariable(FAMILY_INSTRUMENT_LIST);
        return Boolean.TRUE.equals(route.get("familyConsultation")) && family != null && !family.isEmpty()
                && !Boolean.TRUE.equals(execution.getVariable(RETURN_TO_ENDORSEMENT));
    }
}
