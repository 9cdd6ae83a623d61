package org.cms.partnerships.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.copreport.CopReportProcess;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.springframework.stereotype.Service;

/**
 * What the engine knows about a register record, for the pages: its open tasks, its process instances
 * and the incidents and overdue tasks of the coming-due page. Every query runs as the logged-in user
 * (authorization is on), so a page shows what that user would see in Tasklist and Cockpit, nothing more.
 */
@Service
public class EngineWork {

    /** The variables that name a record in a process: each process carries one of them (sealed at start). */
    static final List<ProcessVariable<String>> SUBJECT_VARIABLES = List.of(AgreementVariables.REFERENCE,
            WorkPlanProcess.REFERENCE, EndorsementProcess.SUBJECT_REFERENCE, CopReportProcess.REPORT_KEY);

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public EngineWork(TaskService tasks, HistoryService history, RuntimeService runtime, IdentityService identity) {
        this.tasks = tasks;
        this.history = history;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** An open task as a page lists it, with the link that opens it in Tasklist. */
    public record OpenTask(String id, String name, String assignee, List<String> candidateGroups, Instant created,
                           Instant due, boolean overdue, String businessKey) {
        public String tasklistUrl() {
            return Links.tasklistTask(id);
        }
    }

    /** A process instance of a record (running or ended), with its Cockpit link while it runs. */
    public record Instance(String id, String processName, String businessKey, Instant started, Instant ended,
                           String state) {
        public boolean running() {
            return ended == null;
        }

        public String cockpitUrl() {
            return Links.cockpitInstance(id);
        }
    }

    public record OpenIncident(String id, String type, String message, String activityId, Instant at,
                               String processInstanceId, String businessKey) {
        public String cockpitUrl() {
            return Links.cockpitInstance(processInstanceId);
        }
    }

    /**
     * The open tasks of the processes working on {@code reference} (agreement, plan, endorsement subject or COP
     * report) that the user may see. First the running instances that carry the reference in one of the record
     * variables (an index look-up, without authorization checks: only their ids are used), then those instances'
     * tasks in one query as the user. Asking the task query for the variable instead left PostgreSQL to choose
     * between walking every open task against the user's grants and finding the instance first, and with a
     * Family secretariat's few grants it walked: about 25 ms per variable at 2,000 open tasks, four times a page.
     */
    public List<OpenTask> openTasks(String reference) {
        Set<String> instanceIds = asSystem(() -> runningInstancesOf(reference));
        if (instanceIds.isEmpty()) {
            return List.of();
        }
        return openTasks(tasks.createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new)).active().list()
                .stream().sorted(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId)).toList());
    }

    /** The running instances with {@code reference} in a process-level record variable (as a task query's processVariableValueEquals reads them). */
    private Set<String> runningInstancesOf(String reference) {
        Set<String> ids = new LinkedHashSet<>();
        for (ProcessVariable<String> variable : SUBJECT_VARIABLES) {
            runtime.createVariableInstanceQuery().variableValueEquals(variable.name(), reference)
                    .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
                    .filter(v -> v.getTaskId() == null && v.getProcessInstanceId() != null)
                    .forEach(v -> ids.add(v.getProcessInstanceId()));
        }
        return ids;
    }

    /** Every process instance that worked or works on {@code reference}, newest first. */
    public List<Instance> instances(String reference) {
        Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
        for (ProcessVariable<String> variable : SUBJECT_VARIABLES) {
            history.createHistoricProcessInstanceQuery().variableValueEquals(variable.name(), reference).list()
                    .forEach(p -> found.putIfAbsent(p.getId(), p));
        }
        return found.values().stream()
                .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
                .map(p -> new Instance(p.getId(), p.getProcessDefinitionName() != null ? p.getProcessDefinitionName()
                        : p.getProcessDefinitionKey(), p.getBusinessKey(), instant(p.getStartTime()),
                        instant(p.getEndTime()), p.getState()))
                .toList();
    }

    /** Tasks past their due date that the user may see, by candidate group (or "assigned to ..."). */
    public Map<String, List<OpenTask>> overdueTasksByGroup() {
        Map<String, List<OpenTask>> byGroup = new TreeMap<>();
        for (OpenTask open : openTasks(tasks.createTaskQuery().active().dueBefore(Date.from(RegisterClock.now()))
                .orderByDueDate().asc().list())) {
            List<String> groups = open.candidateGroups().isEmpty()
                    ? List.of(open.assignee() != null ? "assigned to " + open.assignee() : "no group")
                    : open.candidateGroups();
            groups.forEach(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(open));
        }
        return byGroup;
    }

    /** Open incidents of the instances the user may read (managers: all), newest first. */
    public List<OpenIncident> openIncidents() {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list();
        Map<String, String> businessKeys = new LinkedHashMap<>();
        List<String> ids = incidents.stream().map(Incident::getProcessInstanceId).distinct().toList();
        if (!ids.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).list()
                    .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        }
        return incidents.stream().map(i -> new OpenIncident(i.getId(), i.getIncidentType(), i.getIncidentMessage(),
                i.getActivityId(), instant(i.getIncidentTimestamp()), i.getProcessInstanceId(),
                businessKeys.get(i.getProcessInstanceId()))).toList();
    }

    /** What a process instance works on. */
    public enum SubjectKind { AGREEMENT, WORK_PLAN, COP_REPORT }

    public record Subject(SubjectKind kind, String reference) {
    }

    /**
     * The register record a process instance works on: 404 when the user may not see the instance (the
     * engine decides), empty when it works on none. The instance is looked up as the user; its variables
     * are then read without authorization checks, since seeing the instance is what counts here.
     */
    public Optional<Subject> subjectOfInstance(String processInstanceId) {
        if (history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            throw new NotFoundException("No process instance with id " + processInstanceId);
        }
        return asSystem(() -> subjectVariables(processInstanceId));
    }

    /** The register record of a task's process: 404 when the user may not see the task. */
    public Optional<Subject> subjectOfTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            throw new NotFoundException("No task with id " + taskId);
        }
        return asSystem(() -> subjectVariables(task.getProcessInstanceId()));
    }

    private Optional<Subject> subjectVariables(String processInstanceId) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId)
                .variableNameIn(ProcessVariable.names(SUBJECT_VARIABLES).toArray(String[]::new)).list()) {
            values.put(v.getName(), v.getValue());
        }
        String agreement = AgreementVariables.REFERENCE.from(values);
        String plan = WorkPlanProcess.REFERENCE.from(values);
        String subject = EndorsementProcess.SUBJECT_REFERENCE.from(values);
        String copReport = CopReportProcess.REPORT_KEY.from(values);
        if (copReport != null) {
            return Optional.of(new Subject(SubjectKind.COP_REPORT, copReport));
        }
        if (plan != null) {
            return Optional.of(new Subject(SubjectKind.WORK_PLAN, plan));
        }
        if (agreement != null) {
            return Optional.of(new Subject(SubjectKind.AGREEMENT, agreement));
        }
        if (subject != null) {
            // An endorsement names an agreement, its amendment (CMS-X-2005/A1) or a plan (JWP-...).
            return Optional.of(subject.startsWith("JWP-") ? new Subject(SubjectKind.WORK_PLAN, subject)
                    : new Subject(SubjectKind.AGREEMENT, subject.replaceFirst("/A\\d+$", "")));
        }
        return Optional.empty();
    }

    private <T> T asSystem(java.util.function.Supplier<T> work) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }

    /**
     * The tasks as the pages list them. The business keys of their instances in one query (as the user: an
     * instance the user may not read gives none); the candidate groups per task, as Tasklist shows them.
     */
    private List<OpenTask> openTasks(List<Task> found) {
        Map<String, String> businessKeys = new java.util.HashMap<>();
        java.util.Set<String> instanceIds = new java.util.HashSet<>();
        found.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull).forEach(instanceIds::add);
        if (!instanceIds.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                    .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        }
        return found.stream().map(task -> openTask(task, businessKeys.get(task.getProcessInstanceId()))).toList();
    }

    private OpenTask openTask(Task task, String businessKey) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        Instant due = instant(task.getDueDate());
        return new OpenTask(task.getId(), task.getName(), task.getAssignee(), groups, instant(task.getCreateTime()), due,
                due != null && due.isBefore(RegisterClock.now()), businessKey);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
