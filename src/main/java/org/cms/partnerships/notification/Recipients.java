package org.cms.partnerships.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cms.partnerships.register.PartnerService;
import org.springframework.stereotype.Component;

/** Who to write to, looked up where they are kept: partners' focal points in the register, staff in the engine. */
@Component
public class Recipients {

    private final PartnerService partners;
    private final IdentityService identity;

    public Recipients(PartnerService partners, IdentityService identity) {
        this.partners = partners;
        this.identity = identity;
    }

    /** The partner's focal points; a partner without one is reported (no address) rather than skipped. */
    public List<Recipient> focalPointsOf(String partnerAcronym) {
        var partner = partners.getWithFocalPoints(partnerAcronym);
        List<Recipient> recipients = partner.focalPoints().stream()
                .map(f -> new Recipient(f.name(), f.email(), f.preferredLanguage())).toList();
        return recipients.isEmpty()
                ? List.of(new Recipient(partner.partner().name() + " (no focal point registered)", null, null))
                : recipients;
    }

    /** Members of the staff groups (comma-separated ids), each once. Staff are written to in English. */
    public List<Recipient> staffInGroups(String groupIds) {
        Map<String, Recipient> byUser = new LinkedHashMap<>();
        for (String group : split(groupIds)) {
            for (User user : identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
                byUser.putIfAbsent(user.getId(), staff(user));
            }
        }
        return new ArrayList<>(byUser.values());
    }

    /** The named users (comma-separated ids); an unknown id is reported as a recipient without address. */
    public List<Recipient> staffUsers(String userIds) {
        List<Recipient> recipients = new ArrayList<>();
        for (String id : split(userIds)) {
            User user = identity.createUserQuery().userId(id).singleResult();
            recipients.add(user == null ? new Recipient(id + " (unknown user)", null, null) : staff(user));
        }
        return recipients;
    }

    /**
     * The staff account of a CMS Family secretariat (user id = its name in lower case, as "aewa"),
     * or the whole family-secretariats group when that secretariat has no account of its own.
     */
    public List<Recipient> familySecretariat(String secretariat) {
        String userId = secretariat.toLowerCase().replaceAll("[^a-z0-9]", "");
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user != null ? List.of(staff(user)) : staffInGroups("family-secretariats");
    }

    private static Recipient staff(User user) {
        String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
        return new Recipient(name.isEmpty() ? user.getId() : name, user.getEmail(), null);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static List<String> split(String ids) {
        return ids == null ? List.of() : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
