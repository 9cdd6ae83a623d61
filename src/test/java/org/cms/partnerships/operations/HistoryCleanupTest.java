package org.cms.partnerships.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's history does not grow for ever: every model has a time to live, and the cleanup has its night. */
@CmsIntegrationTest
class HistoryCleanupTest {

    static final java.util.List<String> SHIPPED = java.util.Arrays.stream(
                    new java.io.File("processes").listFiles((dir, name) -> name.endsWith(".bpmn")))
            .map(file -> file.getName().replace(".bpmn", "")).toList();

    @Autowired ProcessEngine engine;
    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyShippedProcessAndDecisionKeepsItsHistoryForAStatedTime() {
        var repository = engine.getRepositoryService();
        var processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(p -> SHIPPED.contains(p.getKey())).toList();
        assertThat(processes).hasSize(SHIPPED.size())
                .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull().isPositive());
        assertThat(processes).filteredOn(p -> p.getKey().equals("agreement-follow-up-sweep"))
                .extracting(ProcessDefinition::getHistoryTimeToLive).containsExactly(90);
        assertThat(processes).filteredOn(p -> p.getKey().equals("partnership-agreement"))
                .extracting(ProcessDefinition::getHistoryTimeToLive).containsExactly(3650);
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .extracting(DecisionDefinition::getHistoryTimeToLive).isNotEmpty().allSatisfy(ttl -> assertThat(ttl).isEqualTo(3650));
    }

    @Test
    void theCleanupRunsAtNightBeforeTheMorningSweep() {
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        var cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(cleanup).as("scheduled at start").isNotEmpty();
        LocalTime due = cleanup.get(0).getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
        assertThat(due.isAfter(LocalTime.of(21, 59)) || due.isBefore(LocalTime.of(5, 0))).as("due at %s", due).isTrue();
    }

    @Test
    void anEndedProcessLeavesHistoryUntilItsTimeToLiveHasPassedThenTheCleanupRemovesIt() {
        engine.getRepositoryService().createDeployment().addModelInstance("cleanup-probe.bpmn",
                Bpmn.createExecutableProcess("cleanup-probe").camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy();
        String ended = engine.getRuntimeService().startProcessInstanceByKey("cleanup-probe").getId();
        var history = engine.getHistoryService();
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult();
        assertThat(instance.getRemovalTime()).as("removal time = end + 1 day").isNotNull()
                .isAfter(instance.getEndTime());
        long statusChanges = countStatusChanges();

        runCleanupNow();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).as("within its day").isOne();

        try {
            ClockUtil.setCurrentTime(new Date(instance.getRemovalTime().getTime() + 60_000));
            runCleanupNow();
        } finally {
            ClockUtil.reset();
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).as("after its day").isZero();
        assertThat(countStatusChanges()).as("the register is not the engine's history").isEqualTo(statusChanges);
    }

    private void runCleanupNow() {
        var job = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(job.getId());
    }

    private long countStatusChanges() {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_status_change").query(Long.class).single();
    }
}
