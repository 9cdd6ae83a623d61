package org.cms.partnerships.endorsement;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.engine.RecordIdentity;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/** An endorsement is about one subject before one body: fixed when the caller starts it. */
@Component
class EndorsementIdentity implements RecordIdentity {

    @Override
    public List<ProcessVariable<?>> variables() {
        return List.of(EndorsementProcess.SUBJECT_TYPE, EndorsementProcess.SUBJECT_REFERENCE, EndorsementProcess.BODY);
    }

    @Override
    public Optional<String> taskSubject(VariableScope scope) {
        return EndorsementProcess.SUBJECT_REFERENCE.optionalFrom(scope).map(subject ->
                EndorsementProcess.PARTNER_ACRONYM.optionalFrom(scope).map(p -> " · " + p).orElse("") + " · " + subject);
    }

    @Override
    public int titleOrder() {
        return 30;
    }
}
