package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Records the due diligence under the Code of Conduct for partnerships with the private sector:
 * the checklist, the risk rating and the outcome; conditions go onto the agreement.
 */
@Component("recordDueDiligence")
class RecordDueDiligence implements JavaDelegate {

    enum Outcome { CLEARED, CLEARED_WITH_CONDITIONS, REJECTED }

    enum Risk { LOW, MEDIUM, HIGH }

    /** Checklist variables and what each asks (DOMAIN.md, seed 000 §3, seed 004 resolution ¶7). */
    static final Map<String, String> CHECKLIST = new LinkedHashMap<>();

    static {
        CHECKLIST.put("ddCompatibleWithObjectives", "compatible with the objectives of the Convention");
        CHECKLIST.put("ddSoundRecord", "sound reputational and environmental record");
        CHECKLIST.put("ddNoConflictOfInterest", "no conflict of interest");
        CHECKLIST.put("ddNoSanctions", "not under sanctions or investigation");
        CHECKLIST.put("ddNameAndLogoUseAgreed", "use of the CMS name and logo agreed");
    }

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordDueDiligence(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        CHECKLIST.forEach((variable, question) -> {
            Boolean passed = FormValues.bool(execution.getVariable(variable), question, problems);
            if (Boolean.FALSE.equals(passed)) {
                failed.add(question);
            }
        });
        Risk risk = FormValues.enumValue(Risk.class, execution.getVariable(RISK_RATING), "risk rating", problems);
        Outcome outcome = FormValues.enumValue(Outcome.class, execution.getVariable(DUE_DILIGENCE_OUTCOME), "outcome", problems);
        String conditions = FormValues.text(execution.getVariable(CONDITIONS));
        String notes = FormValues.text(execution.getVariable(DUE_DILIGENCE_NOTES));
        if (outcome == Outcome.CLEARED_WITH_CONDITIONS && conditions.length() < 10) {
            problems.add("State the conditions (at least 10 characters)");
        }
        if (outcome == Outcome.REJECTED && notes.length() < 10) {
            problems.add("State why the partner is rejected (at least 10 characters)");
        }
        if (outcome == Outcome.CLEARED && !failed.isEmpty()) {
            problems.add("A partner failing a check (" + String.join(", ", failed) + ") cannot be cleared without conditions");
        }
        InvalidInputException.throwIfAny(problems);
        String reference = (String) execution.getVariable(AGREEMENT_REFERENCE);
        String summary = "Outcome %s, risk %s%s%s%s".formatted(outcome, risk,
                failed.isEmpty() ? "; all checks passed" : "; failed: " + String.join(", ", failed),
                conditions.isEmpty() ? "" : "; conditions: " + conditions, notes.isEmpty() ? "" : "; " + notes);
        agreements.addComment(reference, "DUE_DILIGENCE", "Code of Conduct", Actor.current(identity), summary);
        if (outcome == Outcome.CLEARED_WITH_CONDITIONS) {
            agreements.recordConditions(reference, conditions);
        }
        if (outcome == Outcome.REJECTED) {
            execution.setVariable(REJECTION_REASON, "Rejected in due diligence: " + notes);
        }
    }
}
