package org.cms.partnerships.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.StatusChange;

/**
 * The one way the process tests drive the engine: instances by business key, tasks completed as a
 * user of a group, jobs run by activity id (async steps and timers), the clock moved (engine and
 * register together, see {@link RegisterClock}), and what the register and the notification log
 * recorded. Injected into every {@link CmsIntegrationTest}; the clock is reset after each test there.
 */
public class ProcessDriver {

    /** Timers are driven at 10:00 Bonn time unless a test says otherwise. */
    public static final LocalTime OFFICE_HOURS = LocalTime.of(10, 0);

    private final ProcessEngine engine;
    private final NotificationLog notifications;
    private final AgreementService agreements;

    public ProcessDriver(ProcessEngine engine, NotificationLog notifications, AgreementService agreements) {
        this.engine = engine;
        this.notifications = notifications;
        this.agreements = agreements;
    }

    // ------------------------------------------------------------------ instances

    /** The instance of {@code processKey} with this business key, running or ended (the latest one). */
    public ProcessInstance instance(String processKey, String businessKey) {
        HistoricProcessInstance found = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new AssertionError("No %s instance for %s".formatted(processKey, businessKey)));
        return byId(found.getId());
    }

    /** The instance a caller's call activity started (the only one, or the one for {@code variable = value}). */
    public ProcessInstance calledBy(ProcessInstance caller) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    public ProcessInstance calledBy(ProcessInstance caller, String variable, Object value) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .variableValueEquals(variable, value).singleResult();
    }

    public String businessKey(ProcessInstance instance) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey();
    }

    private ProcessInstance byId(String id) {
        ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
        return running != null ? running : new EndedInstance(engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(id).singleResult());
    }

    // ------------------------------------------------------------------ people

    /** Runs {@code action} as {@code user}, member of {@code groups}: what the register records as "by". */
    public <T> T as(String user, List<String> groups, Supplier<T> action) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    public void as(String user, String group, Runnable action) {
        as(user, List.of(group), () -> {
            action.run();
            return null;
        });
    }

    public Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = tasks(instance, taskKey);
        if (tasks.size() != 1) {
            throw new AssertionError("Expected one task %s in %s, found %d".formatted(taskKey, instance.getId(), tasks.size()));
        }
        return tasks.get(0);
    }

    public List<Task> tasks(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .orderByTaskCreateTime().asc().list();
    }

    /** A task-local variable of the instance's task {@code taskKey} (what a create listener prepared for its form). */
    public <T> T taskVariable(ProcessInstance instance, String taskKey, org.cms.partnerships.engine.variables.ProcessVariable<T> variable) {
        return variable.read(engine.getTaskService().getVariableLocal(task(instance, taskKey).getId(), variable.name()));
    }

    /** Completes the instance's task {@code taskKey} as {@code user} of {@code group}, with the form's values. */
    public void complete(String user, String group, ProcessInstance instance, String taskKey, Map<String, Object> form) {
        complete(user, group, task(instance, taskKey), form);
    }

    public void complete(String user, String group, Task task, Map<String, Object> form) {
        as(user, group, () -> engine.getTaskService().complete(task.getId(), form));
    }

    /**
     * The refusal {@code action} met: the input check's {@link InvalidInputException}, unwrapped from
     * the engine's "exception while invoking the TaskListener". Fails when nothing was refused.
     */
    public InvalidInputException refusal(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return InvalidInputException.findIn(e).orElseThrow(() -> new AssertionError("Refused, but not as invalid input", e));
        }
        throw new AssertionError("Expected the input to be refused, but it was accepted");
    }

    // ------------------------------------------------------------------ jobs and time

    /** The job (async continuation or timer) waiting at {@code activityId}. */
    public Job job(ProcessInstance instance, String activityId) {
        List<Job> jobs = jobs(instance, activityId);
        if (jobs.size() != 1) {
            throw new AssertionError("Expected one job at %s in %s, found %d".formatted(activityId, instance.getId(), jobs.size()));
        }
        return jobs.get(0);
    }

    public List<Job> jobs(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .orderByJobDuedate().asc().list();
    }

    /** Runs the job at {@code activityId} (an e-mail step, a timer) as the job executor would. */
    public void run(ProcessInstance instance, String activityId) {
        engine.getManagementService().executeJob(job(instance, activityId).getId());
    }

    /** Moves the clock to the timer's due date and fires it, as the job executor would on that day. */
    public void fireWhenDue(Job timer) {
        ClockUtil.setCurrentTime(timer.getDuedate());
        engine.getManagementService().executeJob(timer.getId());
    }

    public void fireWhenDue(ProcessInstance instance, String timerActivityId) {
        fireWhenDue(job(instance, timerActivityId));
    }

    public LocalDate dueDay(Job job) {
        return LocalDate.ofInstant(job.getDuedate().toInstant(), RegisterClock.SECRETARIAT_ZONE);
    }

    /** Moves engine and register to 10:00 Bonn time on {@code day}. */
    public void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(RegisterClock.at(day, OFFICE_HOURS));
    }

    public void moveClockTo(Date moment) {
        ClockUtil.setCurrentTime(moment);
    }

    public void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ what was recorded

    public List<AgreementStatus> statuses(String reference) {
        return agreements.history(reference).stream().map(StatusChange::toStatus).toList();
    }

    public StatusChange lastStatusChange(String reference) {
        List<StatusChange> history = agreements.history(reference);
        return history.get(history.size() - 1);
    }

    /** E-mails logged for a reference and template, one row per recipient. */
    public List<Notification> mails(String reference, String template) {
        return new ArrayList<>(notifications.search(reference, null, template, 500));
    }

    /** An ended instance, for assertions that only need its id (Camunda BPM Assert reads the history). */
    private record EndedInstance(HistoricProcessInstance history) implements ProcessInstance {
        @Override public String getProcessDefinitionId() { return history.getProcessDefinitionId(); }
        @Override public String getProcessDefinitionKey() { return history.getProcessDefinitionKey(); }
        @Override public String getBusinessKey() { return history.getBusinessKey(); }
        @Override public String getRootProcessInstanceId() { return history.getRootProcessInstanceId(); }
        @Override public String getCaseInstanceId() { return history.getCaseInstanceId(); }
        @Override public boolean isSuspended() { return false; }
        @Override public String getId() { return history.getId(); }
        @Override public boolean isEnded() { return true; }
        @Override public String getProcessInstanceId() { return history.getId(); }
        @Override public String getTenantId() { return history.getTenantId(); }
    }

    // ------------------------------------------------------------------ added for the endorsement tests

    /** A variable of a running instance, read through its descriptor (null when not set). */
    public <T> T variable(ProcessInstance instance, org.cms.partnerships.engine.variables.ProcessVariable<T> variable) {
        return variable.read(engine.getRuntimeService().getVariable(instance.getId(), variable.name()));
    }

    // ------------------------------------------------------------------ forms and conflicts (agreements in force)

    /**
     * Form values from descriptor/value pairs, each value in the engine's form (enums as their name,
     * dates as ISO text): {@code values(EXECUTIVE_DECISION, Decision.SUSPEND, EXECUTIVE_COMMENT, "Until May")}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> values(Object... descriptorsAndValues) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i < descriptorsAndValues.length; i += 2) {
            org.cms.partnerships.engine.variables.ProcessVariable<Object> variable =
                    (org.cms.partnerships.engine.variables.ProcessVariable<Object>) descriptorsAndValues[i];
            Object value = descriptorsAndValues[i + 1];
            values.put(variable.name(), value instanceof String text ? text : variable.engineValue(value));
        }
        return values;
    }

    /** The {@link org.cms.partnerships.common.ConflictException} {@code action} met (409: already under way). */
    public org.cms.partnerships.common.ConflictException conflict(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.cms.partnerships.common.ConflictException conflict) {
                    return conflict;
                }
            }
            throw new AssertionError("Refused, but not as a conflict", e);
        }
        throw new AssertionError("Expected a conflict, but the action was accepted");
    }
}
