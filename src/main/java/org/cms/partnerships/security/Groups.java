package org.cms.partnerships.security;

import java.util.List;

/** The Camunda group ids of the Secretariat's roles (DOMAIN.md "Who works here"). */
public final class Groups {

    public static final String PARTNERSHIP_OFFICERS = "partnership-officers";
    public static final String LEGAL_OFFICERS = "legal-officers";
    public static final String EXECUTIVE_SECRETARY = "executive-secretary";
    public static final String FAMILY_SECRETARIATS = "family-secretariats";
    public static final String MANAGERS = "managers";
    /** Created by the Camunda starter together with the admin user; holds every permission. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Prefix of a Family secretariat's own group: {@code family-secretariat-aewa}. */
    public static final String FAMILY_SECRETARIAT_PREFIX = "family-secretariat-";
    /**
     * The CMS Family secretariats with a group of their own, created at every start. Each sees and works
     * on its own consultation tasks only; a secretariat not listed here is consulted through the shared
     * {@link #FAMILY_SECRETARIATS} group, as it is e-mailed.
     */
    public static final List<String> SECRETARIATS_WITH_OWN_GROUP = List.of("AEWA", "EUROBATS", "ASCOBANS");

    /** Everyone who works in Tasklist. */
    public static final List<String> STAFF = List.of(PARTNERSHIP_OFFICERS, LEGAL_OFFICERS, EXECUTIVE_SECRETARY,
            FAMILY_SECRETARIATS, MANAGERS);

    private Groups() {
    }

    /** The own group of a Family secretariat ("AEWA" or "aewa": {@code family-secretariat-aewa}). */
    public static String familySecretariat(String secretariat) {
        return FAMILY_SECRETARIAT_PREFIX + secretariatKey(secretariat);
    }

    /** A secretariat's name as group ids and user ids spell it: lower case letters and digits ("Sharks MoU": "sharksmou"). */
    public static String secretariatKey(String secretariat) {
        return secretariat.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Whether the group is a Family secretariat's own group. */
    public static boolean isFamilySecretariat(String groupId) {
        return groupId.startsWith(FAMILY_SECRETARIAT_PREFIX);
    }

    public static String displayName(String groupId) {
        if (isFamilySecretariat(groupId)) {
            return SECRETARIATS_WITH_OWN_GROUP.stream().filter(s -> familySecretariat(s).equals(groupId)).findFirst()
                    .orElse(groupId.substring(FAMILY_SECRETARIAT_PREFIX.length())) + " Secretariat";
        }
        return switch (groupId) {
            case PARTNERSHIP_OFFICERS -> "Partnership officers";
            case LEGAL_OFFICERS -> "Legal officers";
            case EXECUTIVE_SECRETARY -> "Executive Secretary";
            case FAMILY_SECRETARIATS -> "CMS Family secretariats";
            case MANAGERS -> "Managers (heads of unit)";
            default -> groupId;
        };
    }
}
