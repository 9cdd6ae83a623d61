package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.security.FamilySecretariats;
import org.springframework.stereotype.Component;

/**
 * One secretariat's answer to the consultation, kept on the agreement: its comments when it
 * completes "Comment on the draft" (task listener), or "no comments" when the deadline passed
 * without an answer (start listener of the end event "No comments"). Only the consulted secretariat
 * answers ({@link FamilySecretariats#checkAnswer}).
 */
@Component("recordConsultationComments")
class RecordConsultationComments implements TaskListener, ExecutionListener {

    private final AgreementService agreements;
    private final IdentityService identity;
    private final FamilySecretariats secretariats;

    RecordConsultationComments(AgreementService agreements, IdentityService identity, FamilySecretariats secretariats) {
        this.agreements = agreements;
        this.identity = identity;
        this.secretariats = secretariats;
    }

    @Override
    public void notify(DelegateTask task) {
        String secretariat = secretariats.checkAnswer(task, CONSULTED_SECRETARIAT);
        FormInput in = FormInput.of(task);
        String comments = in.text(CONSULTATION_COMMENTS, 2);
        in.throwIfInvalid();
        agreements.addComment(AgreementVariables.REFERENCE.from(task), "CONSULTATION", secretariat,
                Actor.current(identity), comments);
    }

    @Override
    public void notify(DelegateExecution execution) {
        agreements.addComment(AgreementVariables.REFERENCE.from(execution), "CONSULTATION",
                CONSULTED_SECRETARIAT.from(execution), Actor.SYSTEM,
                "No comments: no answer by the deadline of " + CONSULTATION_DEADLINE_DATE.from(execution));
    }
}
