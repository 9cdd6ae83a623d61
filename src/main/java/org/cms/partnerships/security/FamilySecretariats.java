package org.cms.partnerships.security;

import org.springframework.stereotype.Component;

/**
 * Who answers for a CMS Family secretariat in Tasklist. The consultation task names its candidate group
 * through this bean ({@code ${familySecretariats.consultationGroup(consultedSecretariat)}}), so the engine
 * grants that task to the consulted secretariat's own group only: the others neither see, claim nor
 * complete it, on any API.
 */
@Component("familySecretariats")
public class FamilySecretariats {

    /** The secretariat's own group, or the shared family-secretariats group when it has none. */
    public String consultationGroup(String secretariat) {
        return Groups.SECRETARIATS_WITH_OWN_GROUP.stream()
                .filter(s -> Groups.secretariatKey(s).equals(Groups.secretariatKey(secretariat)))
                .findFirst().map(Groups::familySecretariat).orElse(Groups.FAMILY_SECRETARIATS);
    }
}
