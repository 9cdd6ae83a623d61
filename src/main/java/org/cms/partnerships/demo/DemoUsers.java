package org.cms.partnerships.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cms.partnerships.security.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One or more demo users per group, password equal to the user id. Demo profile only: outside it,
 * users are created in Admin (or an identity provider) under the password policy.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoUsers implements ApplicationRunner {

    /** {@code groups}: the staff group first, then a Family secretariat's own group where it has one. */
    public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
        DemoUser(String id, String firstName, String lastName, String group) {
            this(id, firstName, lastName, List.of(group));
        }

        public String password() {
            return id;
        }

        public String group() {
            return String.join(", ", groups);
        }
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("oliver", "Oliver", "Brandt", Groups.PARTNERSHIP_OFFICERS),
            new DemoUser("paula", "Paula", "Mendes", Groups.PARTNERSHIP_OFFICERS),
            new DemoUser("lena", "Lena", "Fischer", Groups.LEGAL_OFFICERS),
            new DemoUser("amina", "Amina", "Diallo", Groups.EXECUTIVE_SECRETARY),
            new DemoUser("aewa", "AEWA", "Secretariat",
                    List.of(Groups.FAMILY_SECRETARIATS, Groups.familySecretariat("AEWA"))),
            new DemoUser("eurobats", "EUROBATS", "Secretariat",
                    List.of(Groups.FAMILY_SECRETARIATS, Groups.familySecretariat("EUROBATS"))),
            new DemoUser("ascobans", "ASCOBANS", "Secretariat",
                    List.of(Groups.FAMILY_SECRETARIATS, Groups.familySecretariat("ASCOBANS"))),
            new DemoUser("marc", "Marc", "Dubois", Groups.MANAGERS));

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@cms.example.org");
                user.setPassword(demo.password());
                identity.saveUser(user);
            }
            // Also on an existing demo database, so a group added later (a secretariat's own) is joined.
            for (String group : demo.groups()) {
                if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(demo.id(), group);
                }
            }
        }
    }
}
