package org.cms.partnerships.copreport;

import org.cms.partnerships.security.RegisterReadAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who reads the reports to the Conference of the Parties and the facts: those who read the whole
 * register ({@link RegisterReadAccess}); a Family secretariat alone reads only its own agreements, so not
 * figures about all of them (403). The one check of the API, the register pages and the Cockpit tab.
 */
@Component
public class CopReportReadAccess {

    static final String WHOLE_REGISTER_ONLY = "The reports to the Conference of the Parties and the facts cover the whole register";

    private final RegisterReadAccess access;

    public CopReportReadAccess(RegisterReadAccess access) {
        this.access = access;
    }

    public void requireWholeRegister() {
        if (!access.current().everything()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, WHOLE_REGISTER_ONLY);
        }
    }
}
