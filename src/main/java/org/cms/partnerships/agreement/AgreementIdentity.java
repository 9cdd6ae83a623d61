package org.cms.partnerships.agreement;

import java.util.List;
import org.cms.partnerships.engine.RecordIdentity;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/** An agreement process works on one agreement and, for a renewal, the one it supersedes: fixed at start. */
@Component
class AgreementIdentity implements RecordIdentity {

    @Override
    public List<ProcessVariable<?>> variables() {
        return List.of(AgreementVariables.REFERENCE, AgreementVariables.SUPERSEDED_REFERENCE);
    }
}
