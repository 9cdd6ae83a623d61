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

    public record DemoUser(String id, String firstName, String lastName, String group) {
        public String password() {
            return id;
        }
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("oliver", "Oliver", "Brandt", Groups.PARTNERSHIP_OFFICERS),
            new DemoUser("paula", "Paula", "Mendes", Groups.PARTNERSHIP_OFFICERS),
            new DemoUser("lena", "Lena", "Fischer", Groups.LEGAL_OFFICERS),
            new DemoUser("amina", "Amina", "Diallo", Groups.EXECUTIVE_SECRETARY),
            new DemoUser("aewa", "AEWA", "Secretariat", Groups.FAMILY_SECRETARIATS),
            new DemoUser("eurobats", "EUROBATS", "Secretariat", Groups.FAMILY_SECRETARIATS),
            new DemoUser("ascobans", "ASCOBANS", "Secretariat", Groups.FAMILY_SECRETARIATS),
            new DemoUser("marc", "Marc", "Dubois", Groups.MANAGERS));

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@cms.example.org");
            user.setPassword(demo.password());
            identity.saveUser(user);
            identity.createMembership(demo.id(), demo.group());
        }
    }
}
