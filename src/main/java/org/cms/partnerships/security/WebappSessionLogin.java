package org.cms.partnerships.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The login of the Camunda webapps, read from the HTTP session they keep it in. The register pages run
 * in the same servlet context as Tasklist and Cockpit, so a user logged in to either is logged in here,
 * and logging out there (which removes the authentication from the session) logs out here too.
 */
public final class WebappSessionLogin {

    /** The engine the webapps log in to. */
    public static final String ENGINE = "default";
    /** Where a user who is not logged in goes: the webapps' own login page. */
    public static final String LOGIN_PAGE = "/camunda/app/tasklist/" + ENGINE + "/#/login";

    /** Who is logged in: the user id and the groups the webapps resolved at login. */
    public record User(String id, List<String> groups) {
    }

    private WebappSessionLogin() {
    }

    /** The user logged in to the webapps in this request's session, if any. Never creates a session. */
    public static Optional<User> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null
                || !(authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)
                || user.getIdentityId() == null) {
            return Optional.empty();
        }
        return Optional.of(new User(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds()));
    }

    /** Ends the webapps' login and the session: the register pages, Tasklist and Cockpit alike. */
    public static void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null) {
                authentications.removeByEngineName(ENGINE);
                AuthenticationUtil.updateSession(session, authentications);
            }
            session.invalidate();
        }
    }
}
