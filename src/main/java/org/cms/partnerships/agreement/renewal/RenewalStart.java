package org.cms.partnerships.agreement.renewal;

import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.agreement.AgreementSettings;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/**
 * Checks the agreement still binds and has an end date; sets the alert and end-date timers. A second
 * renewal of the agreement under way is refused by the database (exclusive key, 409).
 */
@Component("renewalStart")
class RenewalStart implements ExecutionListener {

    private final AgreementChecks checks;
    private final AgreementSettings settings;

    RenewalStart(AgreementChecks checks, AgreementSettings settings) {
        this.checks = checks;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput input = FormInput.of(execution);
        Agreement agreement = checks.agreement(input).orElse(null);
        if (agreement != null && !AgreementStatus.EFFECTIVE.contains(agreement.status())) {
            input.problem("%s is %s: only an agreement that still binds can be renewed".formatted(agreement.reference(), agreement.status()));
        } else if (agreement != null && agreement.expiresOn() == null) {
            input.problem("%s has no end date: it does not expire".formatted(agreement.reference()));
        }
        input.throwIfInvalid();
        LocalDate end = agreement.expiresOn();
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(businessKey(agreement.reference(), end));
        }
        AgreementChecks.describe(execution, agreement);
        EXPIRES_ON.set(execution, end);
        SECOND_ALERT_AT.set(execution, RegisterClock.at(end.minusDays(settings.renewalAlertDays().get(1)), LocalTime.of(9, 0)));
        THIRD_ALERT_AT.set(execution, RegisterClock.at(end.minusDays(settings.renewalAlertDays().get(2)), LocalTime.of(9, 0)));
        END_DATE_AT.set(execution, RegisterClock.at(end, LocalTime.MIDNIGHT));
    }
}
