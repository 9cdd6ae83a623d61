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

    /** Everyone who works in Tasklist. */
    public static final List<String> STAFF = List.of(PARTNERSHIP_OFFICERS, LEGAL_OFFICERS, EXECUTIVE_SECRETARY,
            FAMILY_SECRETARIATS, MANAGERS);

    private Groups() {
    }

    public static String displayName(String groupId) {
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
