package org.cms.partnerships.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.ACRONYM;
import static org.cms.partnerships.agreement.AgreementVariables.TITLE;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess.DraftAction;
import org.cms.partnerships.agreement.AgreementProcess.PartnerChoice;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: a record's open tasks are found through its running instances (the record variable looked up
 * without authorization, then the tasks as the user) instead of a task query on the variable; the pages must
 * list exactly the tasks the task query found, for each kind of user.
 */
@CmsIntegrationTest
class EngineWorkTest {

    @Autowired EngineWork work;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired ProcessDriver driver;

    @Test
    void aRecordsOpenTasksAreWhatATaskQueryOnItsVariableFindsForEveryKindOfUser() {
        // A proposal in consultation with two Family secretariats: each sees its own task, not the other's.
        Map<String, Object> form = ProcessDriver.values(PARTNER_CHOICE, PartnerChoice.EXISTING, ACRONYM, "ZSL",
                INSTRUMENT_TYPE, InstrumentType.LETTER_OF_COOPERATION,
                TITLE, "Letter of cooperation on flyway sites", TERM_START, RegisterClock.today(),
                FAMILY_INSTRUMENTS, List.of("AEWA", "EUROBATS"));
        String consulted = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(form));
        ProcessInstance proposal = driver.instance(KEY, consulted);
        tasks.complete(driver.task(proposal, TASK_DRAFT).getId(), ProcessDriver.values(
                DRAFT_ACTION, DraftAction.SUBMITTED, DRAFT_URL, "https://docs.cms.int/drafts/zsl-sites-v1", DRAFT_VERSION, "v1",
                TERMS_SUMMARY, "Joint work on flyway sites", CONSULTATION_DEADLINE_DATE, RegisterClock.today().plusDays(14)));
        assertThat(driver.tasks(proposal, TASK_COMMENT_ON_DRAFT)).hasSize(2);

        Set<String> references = new TreeSet<>();
        for (ProcessVariable<String> variable : EngineWork.SUBJECT_VARIABLES) {
            runtime.createVariableInstanceQuery().variableName(variable.name()).list()
                    .forEach(v -> references.add(String.valueOf(v.getValue())));
        }
        assertThat(references).as("the demo register has records under way").contains(consulted).hasSizeGreaterThan(3);
        references.add("CMS-NO-SUCH-RECORD");
        int seen = 0;
        // An officer, a manager, a Family secretariat (few grants) and the Executive Secretary and a legal officer.
        for (String user : List.of("oliver", "marc", "aewa", "amina", "lena")) {
            List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            assertThat(groups).as(user).isNotEmpty();
            identity.setAuthentication(user, groups);
            try {
                for (String reference : references) {
                    List<String> shown = work.openTasks(reference).stream().map(EngineWork.OpenTask::id).toList();
                    assertThat(shown).as("%s, %s", user, reference).containsExactlyElementsOf(byVariable(reference));
                    seen += shown.size();
                    if (user.equals("aewa") && reference.equals(consulted)) {
                        assertThat(work.openTasks(reference)).singleElement()
                                .satisfies(t -> assertThat(t.name()).contains("(AEWA)"));
                    }
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        assertThat(seen).as("some user sees some task").isPositive();
    }

    /** The former look-up: a task query per record variable, as the user, oldest first. */
    private List<String> byVariable(String reference) {
        Map<String, Task> found = new LinkedHashMap<>();
        for (ProcessVariable<String> variable : EngineWork.SUBJECT_VARIABLES) {
            tasks.createTaskQuery().processVariableValueEquals(variable.name(), reference).active().list()
                    .forEach(t -> found.putIfAbsent(t.getId(), t));
        }
        return found.values().stream().sorted(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId))
                .map(Task::getId).toList();
    }
}
