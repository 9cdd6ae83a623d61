package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Completing "Carry out due diligence" (Code of Conduct for partnerships with the private sector):
 * checks the checklist, risk rating and outcome, keeps them on the agreement with any conditions;
 * a rejection gives the reason of the REJECTED status.
 */
@Component("recordDueDiligence")
class RecordDueDiligence implements TaskListener {

    /** The checklist and what each item asks (DOMAIN.md, seed 000 §3, seed 004 resolution ¶7). */
    static final Map<ProcessVariable<Boolean>, String> CHECKLIST = new LinkedHashMap<>();

    static {
        check("ddCompatibleWithObjectives", "compatible with the objectives of the Convention");
        check("ddSoundRecord", "sound reputational and environmental record");
        check("ddNoConflictOfInterest", "no conflict of interest");
        check("ddNoSanctions", "not under sanctions or investigation");
        check("ddNameAndLogoUseAgreed", "use of the CMS name and logo agreed");
    }

    private static void check(String name, String question) {
        CHECKLIST.put(ProcessVariable.bool(name).labelled("answer to \"" + question + "\""), question);
    }

    private final AgreementService agreements;
    private final IdentityService identity;

    RecordDueDiligence(AgreementService agreements, IdentityService identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        List<String> failed = new ArrayList<>();
        CHECKLIST.forEach((check, question) -> {
            if (Boolean.FALSE.equals(in.required(check))) {
                failed.add(question);
            }
        });
        RiskRating risk = in.required(RISK_RATING);
        DueDiligenceOutcome outcome = in.required(DUE_DILIGENCE_OUTCOME);
        String conditions = in.optionalText(CONDITIONS);
        String notes = in.optionalText(DUE_DILIGENCE_NOTES);
        in.check(outcome != DueDiligenceOutcome.CLEARED_WITH_CONDITIONS || conditions.length() >= 10,
                "State the conditions (at least 10 characters)");
        in.check(outcome != DueDiligenceOutcome.REJECTED || notes.length() >= 10,
                "State why the partner is rejected (at least 10 characters)");
        in.check(outcome != DueDiligenceOutcome.CLEARED || failed.isEmpty(),
                "A partner failing a check (" + String.join(", ", failed) + ") cannot be cleared without conditions");
        in.throwIfInvalid();

        String summary = "Outcome %s, risk %s%s%s%s".formatted(outcome, risk,
                failed.isEmpty() ? "; all checks passed" : "; failed: " + String.join(", ", failed),
                conditions.isEmpty() ? "" : "; conditions: " + conditions, notes.isEmpty() ? "" : "; " + notes);
        agreements.recordDueDiligence(AgreementVariables.REFERENCE.from(task), summary,
                outcome == DueDiligenceOutcome.CLEARED_WITH_CONDITIONS ? conditions : null, Actor.current(identity));
        if (outcome == DueDiligenceOutcome.REJECTED) {
            REJECTION_REASON.set(task, "Rejected in due diligence: " + notes);
        }
    }
}
