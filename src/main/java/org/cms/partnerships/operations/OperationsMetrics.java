package org.cms.partnerships.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.Metrics;
import org.cms.partnerships.notification.NotificationStatus;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a manager watches, as Prometheus metrics ({@code /actuator/prometheus}), besides the JVM, HTTP
 * and connection-pool metrics Spring Boot adds:
 * <ul>
 *   <li>{@code camunda_jobs{state=executable|failed|timer}}: jobs due now, jobs out of retries (each
 *       has an incident), timers waiting;</li>
 *   <li>{@code camunda_incidents_open{type=...}}: open incidents (retry them in Cockpit);</li>
 *   <li>{@code camunda_tasks_open{candidate_group=...}}: open user tasks per candidate group;</li>
 *   <li>{@code camunda_job_executions_total{outcome=successful|failed}}: the engine's own counters, summed
 *       over every node (reported by each node to the database every 15 minutes);</li>
 *   <li>{@code cms_agreements{status=...}}, {@code cms_work_plans{status=...}},
 *       {@code cms_notifications{status=...}}: the register.</li>
 * </ul>
 * The values are counted from the database once per scrape (a snapshot kept 5 seconds), so both nodes
 * report the same figures; read them from either.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final ProcessEngine engine;
    private final JdbcClient jdbc;
    private Map<String, Long> snapshot = Map.of();
    private Instant takenAt = Instant.EPOCH;

    OperationsMetrics(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : List.of("executable", "failed", "timer")) {
            gauge(registry, "camunda.jobs", "Jobs of the process engine", "state", state, "jobs." + state);
        }
        for (String type : List.of("failedJob", "failedExternalTask")) {
            gauge(registry, "camunda.incidents.open", "Open incidents", "type", type, "incidents." + type);
        }
        for (String group : candidateGroups()) {
            gauge(registry, "camunda.tasks.open", "Open user tasks by candidate group", "candidate_group", group,
                    "tasks." + group);
        }
        counter(registry, "successful", Metrics.JOB_SUCCESSFUL);
        counter(registry, "failed", Metrics.JOB_FAILED);
        for (AgreementStatus status : AgreementStatus.values()) {
            gauge(registry, "cms.agreements", "Agreements in the register by status", "status", status.name(),
                    "agreement." + status.name());
        }
        for (WorkPlanStatus status : WorkPlanStatus.values()) {
            gauge(registry, "cms.work.plans", "Joint work plans by status", "status", status.name(),
                    "work_plan." + status.name());
        }
        for (NotificationStatus status : NotificationStatus.values()) {
            gauge(registry, "cms.notifications", "Notification log lines by status", "status", status.name(),
                    "notification." + status.name());
        }
    }

    static List<String> candidateGroups() {
        List<String> groups = new ArrayList<>(Groups.STAFF);
        Groups.SECRETARIATS_WITH_OWN_GROUP.forEach(secretariat -> groups.add(Groups.familySecretariat(secretariat)));
        return groups;
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String value, String key) {
        Gauge.builder(name, this, metrics -> metrics.value(key)).description(description).tag(tag, value)
                .register(registry);
    }

    private void counter(MeterRegistry registry, String outcome, String metric) {
        FunctionCounter.builder("camunda.job.executions", engine,
                        e -> e.getManagementService().createMetricsQuery().name(metric).sum())
                .description("Job executions reported by the engine (every node)").tag("outcome", outcome)
                .register(registry);
    }

    private synchronized double value(String key) {
        if (Instant.now().isAfter(takenAt.plus(FRESH))) {
            snapshot = count();
            takenAt = Instant.now();
        }
        return snapshot.getOrDefault(key, 0L);
    }

    private Map<String, Long> count() {
        Map<String, Long> values = new HashMap<>();
        var jobs = engine.getManagementService();
        values.put("jobs.executable", jobs.createJobQuery().executable().count());
        values.put("jobs.failed", jobs.createJobQuery().noRetriesLeft().count());
        values.put("jobs.timer", jobs.createJobQuery().timers().count());
        var runtime = engine.getRuntimeService();
        values.put("incidents.failedJob", runtime.createIncidentQuery().incidentType("failedJob").count());
        values.put("incidents.failedExternalTask", runtime.createIncidentQuery().incidentType("failedExternalTask").count());
        for (String group : candidateGroups()) {
            values.put("tasks." + group, engine.getTaskService().createTaskQuery().taskCandidateGroup(group)
                    .includeAssignedTasks().count());
        }
        countByStatus(values, "agreement", "SELECT status, COUNT(*) AS n FROM agreement GROUP BY status");
        countByStatus(values, "work_plan", "SELECT status, COUNT(*) AS n FROM work_plan GROUP BY status");
        countByStatus(values, "notification", "SELECT status, COUNT(*) AS n FROM notification_log GROUP BY status");
        return values;
    }

    private void countByStatus(Map<String, Long> values, String prefix, String sql) {
        jdbc.sql(sql).query((rs, row) -> Map.entry(prefix + "." + rs.getString("status"), rs.getLong("n"))).list()
                .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
    }

}
