package org.cms.partnerships.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.workplan.WorkPlanProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Prints how long the everyday operations take on the embedded application (H2 in memory, the demo
 * register, engine and REST API in one JVM): starting and drafting joint work plans, sending the
 * draft, importing a large activity file, producing the state-of-implementation report and reading
 * the register. Not part of the test suite (the name does not end in Test); run it with
 * {@code ./mvnw test -Dtest=WorkflowBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It checks
 * that every measured call did its work, never how long it took.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowBenchmark {

    static final int WARM_UP = 5;

    @Autowired ProcessEngine engine;
    @Autowired WorkPlanService workPlans;
    @Autowired PartnerService partners;
    @Autowired TestRestTemplate rest;

    final Map<String, List<Long>> figures = new LinkedHashMap<>();

    @Test
    void measure() {
        int plans = Integer.getInteger("benchmark.plans", 100);
        List<ProcessInstance> started = new ArrayList<>();
        String activities = typedActivities(30);

        time("start a joint work plan (process + register)", plans, i -> started.add(
                engine.getRuntimeService().startProcessInstanceByKey(KEY, newPlan(3000 + 3 * i))));
        time("complete the draft with 30 typed activities", plans, i -> {
            Task draft = engine.getTaskService().createTaskQuery().processInstanceId(started.get(i).getId()).singleResult();
            Map<String, Object> form = new HashMap<>();
            ACTIVITY_LINES.putIn(form, activities);
            COMMENT_DEADLINE.putIn(form, RegisterClock.today().plusDays(30));
            engine.getTaskService().complete(draft.getId(), form);
        });
        time("send the draft to the partner (async job, e-mail rendered and logged)", plans, i -> {
            Job send = engine.getManagementService().createJobQuery().processInstanceId(started.get(i).getId())
                    .activityId(SEND_TO_PARTNER).singleResult();
            engine.getManagementService().executeJob(send.getId());
        });
        started.forEach(plan -> assertThat(engine.getTaskService().createTaskQuery().processInstanceId(plan.getId())
                .taskDefinitionKey(TASK_PARTNER_COMMENTS).count()).isEqualTo(1));
        assertThat(workPlans.activities(started.get(0).getBusinessKey())).hasSize(30);

        int imports = Integer.getInteger("benchmark.imports", 20);
        List<String> imported = new ArrayList<>();
        time("import 500 activities from CSV (REST, all lines checked)", imports, i -> {
            String reference = "JWP-BENCH-" + i;
            imported.add(reference);
            workPlans.create(new WorkPlanService.NewWorkPlan(reference, partners.getByAcronym("WAZA").id(),
                    null, "Benchmark plan " + i, 2040, 2042, WorkPlanStatus.DRAFT, null));
            workPlans.addTheme(reference, "A", "Outreach");
            workPlans.addTheme(reference, "B", "Species campaigns");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType("text/csv"));
            var response = rest.withBasicAuth("oliver", "oliver").postForEntity("/api/work-plans/" + reference + "/activities",
                    new HttpEntity<>(csv(500), headers), String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        });
        time("state-of-implementation report, 500 activities, HTML", imports, i -> assertThat(rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/" + imported.get(i) + "/report.html", String.class).getBody()).contains("B250"));
        time("state-of-implementation report, 500 activities, ODT", imports, i -> assertThat(rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/" + imported.get(i) + "/report.odt", byte[].class).getBody()).isNotEmpty());

        int reads = Integer.getInteger("benchmark.reads", 200);
        time("register: list every agreement (REST)", reads, i -> assertThat(rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/agreements", String.class).getStatusCode()).isEqualTo(HttpStatus.OK));
        time("register: one work plan with its activities and log (REST)", reads, i -> assertThat(rest.withBasicAuth("oliver", "oliver")
                .getForEntity("/api/work-plans/JWP-CMS-CITES-2008-2011", String.class).getStatusCode()).isEqualTo(HttpStatus.OK));
        time("Tasklist query: the officers' open tasks", reads, i -> assertThat(engine.getTaskService().createTaskQuery()
                .taskCandidateGroup(Groups.PARTNERSHIP_OFFICERS).list()).isNotEmpty());
    }

    @AfterAll
    void print() {
        StringBuilder table = new StringBuilder("\nWorkflow benchmark (H2 in memory, one JVM, %d cores, after %d warm-up runs each)\n"
                .formatted(Runtime.getRuntime().availableProcessors(), WARM_UP));
        table.append("%-75s %6s %9s %9s %9s %9s %9s%n".formatted("operation", "n", "mean ms", "p50 ms", "p95 ms", "max ms", "per s"));
        figures.forEach((operation, nanos) -> {
            List<Long> sorted = nanos.stream().sorted().toList();
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            table.append("%-75s %6d %9.1f %9.1f %9.1f %9.1f %9.1f%n".formatted(operation, sorted.size(), mean,
                    percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1) / 1e6, 1000 / mean));
        });
        System.out.println(table);
    }

    /** Runs the first runs as warm-up (not counted) when there are enough of them. */
    private void time(String operation, int runs, IntConsumer run) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.accept(i);
            if (i >= WARM_UP || runs <= 2 * WARM_UP) {
                nanos.add(System.nanoTime() - start);
            }
        }
        figures.put(operation, nanos);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static Map<String, Object> newPlan(int startYear) {
        Map<String, Object> variables = new HashMap<>();
        AgreementVariables.REFERENCE.putIn(variables, "CMS-WAZA-2008");
        PLAN_TITLE.putIn(variables, "Benchmark plan " + startYear);
        FIRST_YEAR.putIn(variables, startYear);
        LAST_YEAR.putIn(variables, startYear + 2);
        THEME_LINES.putIn(variables, "A: Outreach and education\nB: Species campaigns");
        return variables;
    }

    private static String typedActivities(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append("%s%d | On-going | Benchmark activity number %d of the joint plan | %s\n"
                    .formatted(i % 2 == 0 ? "A" : "B", i, i, i % 5 == 0 ? "yes" : "no"));
        }
        return lines.toString();
    }

    private static String csv(int count) {
        StringBuilder csv = new StringBuilder("theme,code,description,timeframe,lead,externalFunding\n");
        for (int i = 1; i <= count / 2; i++) {
            csv.append("A,A%d,Outreach activity number %d for the zoo network,2040,Joint,false\n".formatted(i, i));
            csv.append("B,B%d,Species campaign number %d subject to external funding,2041-2042,CMS,true\n".formatted(i, i));
        }
        return csv.toString();
    }
}
