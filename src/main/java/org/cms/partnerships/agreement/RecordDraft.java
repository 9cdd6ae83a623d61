package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Completing "Draft the agreement": the draft (link, version, summary of terms) is kept on the
 * agreement, and when the Family secretariats are to be consulted, the deadline and the reminder
 * before it are set; or the officer withdraws the proposal (why: the reason of the WITHDRAWN status).
 */
@Component("recordDraft")
class RecordDraft implements TaskListener {

    private final AgreementService agreements;
    private final AgreementSettings settings;

    RecordDraft(AgreementService agreements, AgreementSettings settings) {
        this.agreements = agreements;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        if (in.required(DRAFT_ACTION) == DraftAction.WITHDRAWN) {
            in.text(WITHDRAWAL_REASON, 10);
            in.throwIfInvalid();
            return;
        }
        String url = in.webAddress(DRAFT_URL, true);
        String version = in.text(DRAFT_VERSION, 1);
        String summary = in.text(TERMS_SUMMARY, 10);
        boolean consult = CONSULT_FAMILY.from(task) && !RETURN_TO_ENDORSEMENT.from(task);
        // Read even when nobody is consulted: a deadline that is not a date is refused, not kept.
        LocalDate deadline = in.optional(CONSULTATION_DEADLINE_DATE);
        if (consult) {
            deadline = in.required(CONSULTATION_DEADLINE_DATE);
            LocalDate earliest = RegisterClock.today().plusDays(settings.consultationReminderDays() + 1);
            in.check(deadline == null || !deadline.isBefore(earliest),
                    "The consultation deadline must be on or after %s, to leave the secretariats time and a reminder"
                            .formatted(earliest));
        }
        in.throwIfInvalid();

        agreements.recordDraft(AgreementVariables.REFERENCE.from(task), url, version, summary);
        // Cleared once this draft answers it. Already clear (the first draft): setting null again would write
        // the variable and its history (a read of it first) for nothing.
        if (!task.hasVariable(REVISION_REASON.name()) || REVISION_REASON.orNull(task) != null) {
            REVISION_REASON.set(task, null);
        }
        if (consult) {
            CONSULTATION_DEADLINE_DATE.set(task, deadline);
            CONSULTATION_DEADLINE_AT.set(task, RegisterClock.at(deadline.plusDays(1), LocalTime.MIDNIGHT));
            CONSULTATION_REMINDER_AT.set(task,
                    RegisterClock.at(deadline.minusDays(settings.consultationReminderDays()), LocalTime.of(9, 0)));
        }
    }
}
