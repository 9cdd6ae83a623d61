package org.cms.partnerships.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;
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
    private final ApplicationStartup startup;

    public IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                         TaskService tasks, ApplicationStartup startup) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.startup = startup;
    }

    @Override
    public void run(ApplicationArguments args) {
        StartupStep step = startup.start("cms.identity-setup");
        List<String> groups = new ArrayList<>(Groups.STAFF);
        Groups.SECRETARIATS_WITH_OWN_GROUP.stream().map(Groups::familySecretariat).forEach(groups::add);
        ensureGroups(groups);
        Grants grants = new Grants();
        grantStaffPermissions(grants);
        grantManagerPermissions(grants);
        ensureFilters(grants);
        int saved = grants.apply();
        step.tag("grants-saved", String.valueOf(saved)).end();
        log.info("Groups, authorizations and Tasklist filters are in place");
    }

    /** One query for the groups that exist; only the missing ones are created. */
    private void ensureGroups(List<String> groupIds) {
        Set<String> existing = identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        for (String groupId : groupIds) {
            if (!existing.contains(groupId)) {
                Group group = identity.newGroup(groupId);
                group.setName(Groups.displayName(groupId));
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
    }

    private void grantStaffPermissions(Grants grants) {
        for (String group : Groups.STAFF) {
            grants.add(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Reading definitions lets Tasklist show the diagram and the deployed forms of a task.
            grants.add(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grants.add(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            // Names of colleagues and groups on tasks.
            grants.add(group, Resources.USER, ANY, Permissions.READ);
            grants.add(group, Resources.GROUP, ANY, Permissions.READ);
        }
        // Partnership officers run the processes: they start them (proposals, reviews, amendments,
        // terminations) and feed them what arrives from outside (partner decisions, objections,
        // withdrawals), which updates running instances.
        grants.add(Groups.PARTNERSHIP_OFFICERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grants.add(Groups.PARTNERSHIP_OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.UPDATE);
    }

    private void grantManagerPermissions(Grants grants) {
        String managers = Groups.MANAGERS;
        grants.add(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.add(managers, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.RETRY_JOB);
        grants.add(managers, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
        grants.add(managers, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_ASSIGN);
        grants.add(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.add(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grants.add(managers, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grants.add(managers, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grants.add(managers, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }

    private void ensureFilters(Grants grants) {
        ensureFilter(grants, "My tasks", "Tasks assigned to me", -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Groups.STAFF);
        ensureFilter(grants, "My group's tasks", "Tasks for my groups, claimed or not", 0,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                Groups.STAFF);
        ensureFilter(grants, "Overdue", "Tasks past their due date", 10,
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), Groups.STAFF);
        ensureFilter(grants, "Awaiting partner", "Tasks waiting on a partner's answer or its governing body", 20,
                tasks.createTaskQuery().taskDefinitionKeyLike("%" + PARTNER_TASK_MARKER + "%"),
                List.of(Groups.PARTNERSHIP_OFFICERS, Groups.EXECUTIVE_SECRETARY, Groups.MANAGERS));
        ensureFilter(grants, "All tasks", "Every open task of every group", 30,
                tasks.createTaskQuery(), List.of(Groups.MANAGERS));
    }

    private void ensureFilter(Grants grants, String name, String description, int priority, TaskQuery query, List<String> groups) {
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
            grants.add(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    /**
     * The grants wanted, by group, resource and resource id, applied together at the end: one query reads
     * the grants the groups already have (instead of one per grant, at every start), and each grant that
     * lacks a permission is saved once with all it lacks.
     */
    private final class Grants {

        private record Key(String groupId, int resourceType, String resourceId) {
        }

        private final Map<Key, Resource> resources = new LinkedHashMap<>();
        private final Map<Key, Set<Permission>> wanted = new LinkedHashMap<>();

        /** Adds the permissions to the group's grant on that resource, creating the grant if needed. */
        void add(String groupId, Resource resource, String resourceId, Permission... permissions) {
            Key key = new Key(groupId, resource.resourceType(), resourceId);
            resources.putIfAbsent(key, resource);
            wanted.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(Arrays.asList(permissions));
        }

        /** @return how many grants were created or extended */
        int apply() {
            String[] groupIds = wanted.keySet().stream().map(Key::groupId).distinct().toArray(String[]::new);
            Map<Key, Authorization> existing = new HashMap<>();
            for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(groupIds)
                    .authorizationType(AUTH_TYPE_GRANT).list()) {
                existing.putIfAbsent(new Key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a);
            }
            int saved = 0;
            for (Map.Entry<Key, Set<Permission>> entry : wanted.entrySet()) {
                Key key = entry.getKey();
                Authorization authorization = existing.get(key);
                if (authorization == null) {
                    authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                    authorization.setGroupId(key.groupId());
                    authorization.setResource(resources.get(key));
                    authorization.setResourceId(key.resourceId());
                } else if (entry.getValue().stream().allMatch(authorization::isPermissionGranted)) {
                    continue;
                }
                for (Permission permission : entry.getValue()) {
                    authorization.addPermission(permission);
                }
                authorizations.saveAuthorization(authorization);
                saved++;
            }
            return saved;
        }
    }
}
