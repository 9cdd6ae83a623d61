package org.cms.partnerships.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Sends a notification from a process step: the template gets the process variables, the log gets
 * a key that is the same when the job is retried and new when the process comes back to the step
 * (a loop, a second reminder), and recipients nobody could write to are reported on the process in
 * {@link NotificationVariables#PROBLEMS}, which the next task's form shows.
 */
@Component
public class ProcessNotifications {

    private final NotificationService notifications;
    private final HistoryService history;

    public ProcessNotifications(NotificationService notifications, HistoryService history) {
        this.notifications = notifications;
        this.history = history;
    }

    /** Sends the step's template ({@link NotificationVariables#TEMPLATE}) about its subject reference. */
    public NotificationService.Outcome send(DelegateExecution execution, List<Recipient> recipients) {
        return send(execution, NotificationVariables.TEMPLATE.from(execution),
                NotificationVariables.SUBJECT_REFERENCE.orNull(execution), recipients, Map.of());
    }

    public NotificationService.Outcome send(DelegateExecution execution, String template, String subjectReference,
                                            List<Recipient> recipients, Map<String, Object> extraModel) {
        Map<String, Object> model = new HashMap<>(execution.getVariables());
        model.putAll(extraModel);
        NotificationService.Outcome outcome = notifications.send(template, subjectReference, recipients, model,
                key(execution), execution.getProcessInstanceId());
        if (!outcome.problems().isEmpty()) {
            NotificationVariables.PROBLEMS.set(execution,
                    "Not notified (" + template + "): " + String.join("; ", outcome.problems()));
        }
        return outcome;
    }

    /**
     * Process instance, step and how many times the step was completed before: stable across retries
     * (a failed attempt's history rolls back), different on the next pass through the step.
     */
    private String key(DelegateExecution execution) {
        long previousVisits = history.createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId())
                .finished()
                .count();
        return execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/" + (previousVisits + 1);
    }
}
