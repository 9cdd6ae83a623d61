package org.cms.partnerships.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * IdentitySetup runs at every start: on a database that has everything it adds nothing, and it gives
 * back only what is missing, keeping what an administrator added in Admin. It reads the grants in one
 * query and saves each grant at most once, so these are the behaviours that must not change.
 */
@CmsIntegrationTest
class IdentitySetupTest {

    @Autowired IdentitySetup setup;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;

    @Test
    void aRestartOnADatabaseThatHasEverythingChangesNothing() {
        Set<String> before = grants();
        long filtersBefore = filters.createFilterQuery().count();

        setup.run(null);

        assertThat(grants()).isEqualTo(before);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filtersBefore);
    }

    @Test
    void aPermissionTakenAwayComesBackAndWhatAnAdministratorAddedStays() {
        Authorization managers = grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, Authorization.ANY);
        managers.removePermission(ProcessDefinitionPermissions.RETRY_JOB);
        managers.addPermission(ProcessDefinitionPermissions.DELETE_INSTANCE);
        authorizations.saveAuthorization(managers);
        String overdue = filters.createFilterQuery().filterName("Overdue").singleResult().getId();
        authorizations.deleteAuthorization(grant(Groups.LEGAL_OFFICERS, Resources.FILTER, overdue).getId());

        setup.run(null);

        Authorization restored = grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, Authorization.ANY);
        assertThat(restored.isPermissionGranted(ProcessDefinitionPermissions.RETRY_JOB)).isTrue();
        assertThat(restored.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
        assertThat(restored.isPermissionGranted(ProcessDefinitionPermissions.DELETE_INSTANCE))
                .as("the administrator's addition stays").isTrue();
        assertThat(grant(Groups.LEGAL_OFFICERS, Resources.FILTER, overdue).isPermissionGranted(Permissions.READ)).isTrue();

        restored.removePermission(ProcessDefinitionPermissions.DELETE_INSTANCE);
        authorizations.saveAuthorization(restored);
    }

    private Authorization grant(String group, Resources resource, String resourceId) {
        return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT).singleResult();
    }

    /** Every grant of the Secretariat's groups: group, resource, id and permission bits. */
    private Set<String> grants() {
        return authorizations.createAuthorizationQuery().groupIdIn(Groups.STAFF.toArray(String[]::new))
                .authorizationType(AUTH_TYPE_GRANT).list().stream()
                .map(a -> a.getGroupId() + " " + a.getResourceType() + " " + a.getResourceId() + " "
                        + Integer.toBinaryString(permissionBits(a)))
                .collect(Collectors.toSet());
    }

    private static int permissionBits(Authorization authorization) {
        return ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) authorization).getPermissions();
    }
}
