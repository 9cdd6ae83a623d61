package org.cms.partnerships.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Secretariat's groups, what each may do, and the Tasklist filters they see. Runs at every start
 * in every profile and only adds what is missing, so an administrator's later changes in Admin stay.
 *
 * <p>Task-level access needs no grant here: the engine gives a task's candidate group READ and UPDATE
 * on that task when the task is created, so each group sees and works on its own tasks only. A Family
 * secretariat's own group ({@code family-secretariat-aewa}) gets no grant either: its members stay in
 * {@code family-secretariats} for Tasklist and its filters, and the own group only carries the
 * consultation tasks of that secretariat ({@link FamilySecretariats}).
 */
@Component
@Order(10)
public class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
    private static final String ANY = Authorization.ANY;

    /** User task ids that wait on a partner contain this; the "Awaiting partner" filter matches it. */
    public static final String PARTNER_TASK_MARKER = "Partner";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                         TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        Groups.STAFF.forEach(this::ensureGroup);
        Groups.SECRETARIATS_WITH_OWN_GROUP.stream().map(Groups::familySecretariat).forEach(this::ensureGroup);
        grantStaffPermissions();
        grantManagerPermissions();
        ensureFilters();
        log.info("Groups, authorizations and Tasklist filters are in place");
    }

    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(Groups.displayName(groupId));
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grantStaffPermissions() {
        for (String group : Groups.STAFF) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Reading definitions lets Tasklist show the diagram and the deployed forms of a task.
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            // Names of colleagues and groups on tasks.
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
        }
        // Partnership officers run the processes: they start them (proposals, reviews, amendments,
        // terminations) and feed them what arrives from outside (partner decisions, objections,
        // withdrawals), which updates running instances.
        grant(Groups.PARTNERSHIP_OFFICERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grant(Groups.PARTNERSHIP_OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.UPDATE);
    }

    private void grantManagerPermissions() {
        String managers = Groups.MANAGERS;
        grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(managers, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(managers, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
        grant(managers, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_ASSIGN);
        grant(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(managers, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(managers, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant(managers, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }

    /** Adds the permissions to the group's grant on that resource, creating the grant if needed. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (java.util.Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private void ensureFilters() {
        ensureFilter("My tasks", "Tasks assigned to me", -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Groups.STAFF);
        ensureFilter("My group's tasks", "Tasks for my groups, claimed or not", 0,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                Groups.STAFF);
        ensureFilter("Overdue", "Tasks past their due date", 10,
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), Groups.STAFF);
        ensureFilter("Awaiting partner", "Tasks waiting on a partner's answer or its governing body", 20,
                tasks.createTaskQuery().taskDefinitionKeyLike("%" + PARTNER_TASK_MARKER + "%"),
                List.of(Groups.PARTNERSHIP_OFFICERS, Groups.EXECUTIVE_SECRETARY, Groups.MANAGERS));
        ensureFilter("All tasks", "Every open task of every group", 30,
                tasks.createTaskQuery(), List.of(Groups.MANAGERS));
    }

    private void ensureFilter(String name, String description, int priority, TaskQuery query, List<String> groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name)
                    .setQuery(query)
                    .setProperties(Map.of(
                            "description", description,
                            "priority", priority,
                            "refresh", true,
                            "variables", List.of(
                                    Map.of("name", AgreementVariables.REFERENCE.name(), "label", "Agreement"),
                                    Map.of("name", EndorsementProcess.PARTNER_NAME.name(), "label", "Partner"))));
            filters.saveFilter(filter);
        }
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
