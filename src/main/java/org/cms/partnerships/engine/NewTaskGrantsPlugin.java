package org.cms.partnerships.engine;

import java.util.Objects;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's own grants on tasks (a candidate group or user may read and work on the task), with one
 * round trip less per task: before granting, Camunda looks the grant up in the database, to add the
 * permissions to it if it exists. For a task created in the same command it cannot exist there (the
 * task's id is new, nothing is written before the command ends): only a grant made earlier in this
 * command can, and that one is in the command's entity cache. Every other task is looked up as before.
 * The grants themselves, and every authorization check, are unchanged.
 */
@Component
public class NewTaskGrantsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Only in place of Camunda's default: a provider configured otherwise is left as it is.
        if (configuration.getResourceAuthorizationProvider() == null) {
            configuration.setResourceAuthorizationProvider(new NewTaskGrants());
        }
    }

    static final class NewTaskGrants extends DefaultAuthorizationProvider {

        /** Camunda's order: the task's id, then the user or the group (the other null). */
        @Override
        protected AuthorizationEntity getGrantAuthorization(String resourceId, String userId, String groupId, Resource resource) {
            CommandContext command = Context.getCommandContext();
            DbEntityCache cache = command == null || resourceId == null ? null : command.getDbEntityManager().getDbEntityCache();
            TaskEntity task = cache == null ? null : cache.get(TaskEntity.class, resourceId);
            if (task == null || !cache.isTransient(task)) {
                return super.getGrantAuthorization(resourceId, userId, groupId, resource);
            }
            return cache.getEntitiesByType(AuthorizationEntity.class).stream()
                    .filter(grant -> cache.isTransient(grant) && grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                            && grant.getResourceType() == resource.resourceType() && resourceId.equals(grant.getResourceId())
                            && Objects.equals(userId, grant.getUserId()) && Objects.equals(groupId, grant.getGroupId()))
                    .findFirst().orElse(null);
        }
    }
}
