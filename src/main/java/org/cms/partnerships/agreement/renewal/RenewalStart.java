package org.cms.partnerships.agreement.renewal;

import static org.cms.partnerships.agreement.renewal.RenewalProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.agreement.AgreementChecks;
import org.cms.partnerships.agreement.AgreementSettings;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementStatus;
import org.springframework.stereotype.Component;

/** Checks the agreement still binds and has an end date; sets the alert and end-date timers. */
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
        List<String> problems = new ArrayList<>();
        Agreement agreement = checks.agreement(execution, problems).orElse(null);
        String reference = agreement == null ? null : agreement.reference();
        if (agreement == null) {
            // reported
        } else if (!AgreementStatus.EFFECTIVE.contains(agreement.status())) {
            problems.add("%s is %s: only an agreement that still binds can be renewed".formatted(reference, agreement.status()));
        } else if (agreement.expiresOn() == null) {
            problems.add("%s has no end date: it does not expire".formatted(reference));
        } else if (checks.otherInstanceRunning(execution, KEY, reference + "/renewal/%")) {
            problems.add("The renewal of %s is already under way".formatted(reference));
        }
        InvalidInputException.throwIfAny(problems);
        LocalDate end = agreement.expiresOn();
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(businessKey(reference, end));
        }
        AgreementChecks.describe(execution, agreement);
        execution.setVariable(EXPIRES_ON, end.toString());
        execution.setVariable(SECOND_ALERT_AT, RegisterClock.at(end.minusDays(settings.renewalAlertDays().get(1)), LocalTime.of(9, 0)));
        execution.setVariable(THIRD_ALERT_AT, RegisterClock.at(end.minusDays(settings.renewalAlertDays().get(2)), LocalTime.of(9, 0)));
        execution.setVariable(END_DATE_AT, RegisterClock.at(end, LocalTime.MIDNIGHT));
    }
}
