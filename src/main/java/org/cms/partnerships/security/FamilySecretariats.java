package org.cms.partnerships.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.engine.FormTextPlugin;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * Who answers for a CMS Family secretariat in Tasklist. The consultation task names its candidate group
 * through this bean ({@code ${familySecretariats.consultationGroup(consultedSecretariat)}}), so the engine
 * grants that task to the consulted secretariat's own group only: the others neither see, claim nor
 * complete it, on any API. {@link #checkAnswer} closes the two ways around the grant: a manager or
 * administrator (who may complete any task) answering for a secretariat, and a form that renames the
 * consulted secretariat.
 */
@Component("familySecretariats")
public class FamilySecretariats {

    private final IdentityService identity;

    public FamilySecretariats(IdentityService identity) {
        this.identity = identity;
    }

    /** The secretariat's own group, or the shared family-secretariats group when it has none. */
    public String consultationGroup(String secretariat) {
        return Groups.SECRETARIATS_WITH_OWN_GROUP.stream()
                .filter(s -> Groups.secretariatKey(s).equals(Groups.secretariatKey(secretariat)))
                .findFirst().map(Groups::familySecretariat).orElse(Groups.FAMILY_SECRETARIATS);
    }

    /**
     * The secretariat a consultation answer is recorded for, refusing anyone else's answer: the consulted
     * secretariat is the value the consultation opened with (a form or REST call that sets it, on the task
     * or its scope, is refused with 400), and the user completing it, when there is one, is a member of that
     * secretariat's group (anyone else, managers and administrators included, 403). Completions without a
     * user (the application itself) are not people answering and pass.
     */
    public String checkAnswer(DelegateTask task, ProcessVariable<String> consulted) {
        TaskEntity entity = (TaskEntity) task;
        CoreVariableInstance variable = entity.getExecution().getVariableInstance(consulted.name());
        Object local = entity.getVariableLocal(consulted.name());
        boolean asOpened = variable instanceof VariableInstanceEntity opened && opened.getSequenceCounter() <= 1
                // the only task-local copy allowed is the escaped one shown in the form (FormTextPlugin)
                && (local == null || local.equals(FormTextPlugin.escape(String.valueOf(opened.getValue()))));
        if (!asOpened) {
            throw new InvalidInputException(
                    "The consulted secretariat is set when the consultation opens; a form cannot change it");
        }
        String secretariat = consulted.read(((VariableInstanceEntity) variable).getValue());
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            String group = consultationGroup(secretariat);
            List<String> groups = current.getGroupIds() == null ? List.of() : current.getGroupIds();
            if (!groups.contains(group)) {
                throw new AuthorizationException("Only the %s Secretariat answers its consultation (group %s); %s is not a member"
                        .formatted(secretariat, group, current.getUserId()));
            }
        }
        return secretariat;
    }
}
