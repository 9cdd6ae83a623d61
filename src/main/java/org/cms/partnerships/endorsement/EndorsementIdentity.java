package org.cms.partnerships.endorsement;

import java.util.List;
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
}
