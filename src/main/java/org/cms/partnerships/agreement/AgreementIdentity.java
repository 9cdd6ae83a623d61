package org.cms.partnerships.agreement;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.notification.NotificationVariables;
import org.cms.partnerships.engine.RecordIdentity;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/** An agreement process works on one agreement and, for a renewal, the one it supersedes: fixed at start; its tasks are named after it. */
@Component
class AgreementIdentity implements RecordIdentity {

    @Override
    public List<ProcessVariable<?>> variables() {
        return List.of(AgreementVariables.REFERENCE, AgreementVariables.SUPERSEDED_REFERENCE);
    }

    /** "Comment on the draft (AEWA) · AVIAVERDE · CMS-AVIAVERDE-2026": one task per consulted secretariat says which. */
    @Override
    public Optional<String> taskSubject(VariableScope scope) {
        return AgreementVariables.REFERENCE.optionalFrom(scope).map(reference ->
                NotificationVariables.CONSULTED_SECRETARIAT.optionalFrom(scope).map(s -> " (" + s + ")").orElse("")
                        + NotificationVariables.PARTNER_ACRONYM.optionalFrom(scope).map(p -> " · " + p).orElse("")
                        + " · " + reference);
    }

    @Override
    public int titleOrder() {
        return 20;
    }
}
