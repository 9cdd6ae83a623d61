package org.cms.partnerships.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the engine right now, for the register's "changed by". */
public final class Actor {

    /** Steps run by the job executor or a timer have no user behind them. */
    public static final String SYSTEM = "system";

    private Actor() {
    }

    public static String current(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
