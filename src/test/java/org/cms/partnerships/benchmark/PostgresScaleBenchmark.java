package org.cms.partnerships.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.cms.barestarter.BareStarterApplication;
import org.cms.partnerships.CmsPartnershipsApplication;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.review.AnnualReviewProcess;
import org.cms.partnerships.agreement.review.FollowUps;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.copreport.CopReportProcess;
import org.cms.partnerships.copreport.Facts;
import org.cms.partnerships.copreport.FactsService;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13: the application on PostgreSQL with the register at the Secretariat's scale and beyond,
 * side by side with a bare Camunda engine. Not part of the test suite (the name does not end in
 * Test); run it with
 * {@code ./mvnw test -Dtest=PostgresScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.scale=1.0}.
 *
 * <p>Two fresh databases on one PostgreSQL server: {@code <prefix><pid>} for the application and
 * {@code <prefix><pid>_bare} for {@link BareStarterApplication} (Camunda's Spring Boot starter and
 * nothing else, history full), which also runs the twin of partnership-agreement. It measures
 * start to ready of both, the agreement lifecycle on both, the reads a user makes at scale, the
 * morning sweep at two sizes, prints the query plans of the hot register queries, and writes the
 * table to target/benchmark/postgres-scale.csv (plans to postgres-scale-plans.txt). Every measured
 * call is checked for doing its work, never for how long it took. Both databases are dropped at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresScaleBenchmark {

    static final String SERVER = System.getProperty("cms.test.postgres",
            System.getenv().getOrDefault("CMS_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/"));
    static final String DATABASE = System.getProperty("benchmark.database-prefix", "cms_benchmark_") + ProcessHandle.current().pid();
    static final String BARE_DATABASE = DATABASE + "_bare";
    static final Path OUTPUT = Path.of("target", "benchmark");

    final double scale = Double.parseDouble(System.getProperty("benchmark.scale", "1.0"));
    final int lifecycles = Integer.getInteger("benchmark.lifecycles", Math.max(20, (int) Math.round(200 * scale)));
    final int warmUp = Integer.getInteger("benchmark.warm-up", 5);
    final int running = Math.max(20, (int) Math.round(1_000 * scale));
    final int reads = Integer.getInteger("benchmark.reads", 50);
    /** The hook for pages and reports built elsewhere: comma-separated paths, read as oliver (e.g. the COP report facts). */
    /** Which sections run after the starts and the data (all by default): lifecycle, reads, sweep, plans. */
    final List<String> only = Arrays.stream(System.getProperty("benchmark.only", "lifecycle,reads,plans,sweep").split(","))
            .map(String::trim).filter(p -> !p.isEmpty()).toList();
    final List<String> extraPaths = Arrays.stream(System.getProperty("benchmark.paths", "").split(","))
            .map(String::trim).filter(p -> !p.isEmpty()).toList();

    final Figures figures = new Figures();
    final StringBuilder plans = new StringBuilder();
    final LocalDate today = RegisterClock.today();
    ConfigurableApplicationContext app;
    ConfigurableApplicationContext bare;

    @Test
    void measure() throws Exception {
        createDatabase(DATABASE);
        createDatabase(BARE_DATABASE);
        ScaleData data = new ScaleData(scale, 2 * (warmUp + lifecycles) + running);

        // Start to ready: first start on a fresh database (schema, migrations, demo register), then a
        // restart on the register at scale, which is what a production start is.
        long start = System.nanoTime();
        startApplication().close();
        figures.total("start", "application, first start on a fresh database", System.nanoTime() - start,
                "schema + Flyway + demo data; first in the JVM");
        try (Connection connection = connect(DATABASE)) {
            start = System.nanoTime();
            data.generate(connection);
            figures.total("data", "generate the register at scale (set-based SQL)", System.nanoTime() - start,
                    "%d agreements, %d plans x %d activities, %d notifications".formatted(data.agreements, data.workPlans,
                            data.activitiesPerPlan, data.notifications));
        }
        start = System.nanoTime();
        startBare().close();
        figures.total("start", "bare starter, first start on a fresh database", System.nanoTime() - start, "schema");
        start = System.nanoTime();
        app = startApplication();
        long appReady = System.nanoTime() - start;
        figures.total("start", "application, restart on the register at scale", appReady, "");
        start = System.nanoTime();
        bare = startBare();
        long bareReady = System.nanoTime() - start;
        figures.total("start", "bare starter, restart", bareReady, "ratio %.2f (goal <= 1.3)".formatted((double) appReady / bareReady));

        ProcessEngine engine = app.getBean(ProcessEngine.class);
        ProcessEngine bareEngine = bare.getBean(ProcessEngine.class);
        figures.note("history level: application %s, bare starter %s".formatted(historyLevel(engine), historyLevel(bareEngine)));

        Lifecycle real = new RealLifecycle(engine);
        Lifecycle twin = new TwinLifecycle(bareEngine);
        int partner = 0;

        // Running processes spread over the stages (what the Tasklist filters and the sweep see).
        if (only.contains("reads") || only.contains("sweep")) {
            start = System.nanoTime();
            for (int i = 0; i < running; i++) {
                real.walk(++partner, 1 + i % (Lifecycle.STEPS.size() - 1), null);
            }
            figures.total("data", "start %d proposals spread over the stages".formatted(running), System.nanoTime() - start,
                    "real application, every stage before signature");
        }

        // The lifecycle, side by side: same steps, same variables, same calls.
        if (only.contains("lifecycle")) {
            partner = measureLifecycle("application", real, partner);
            measureLifecycle("bare twin", twin, partner);
            double realRate = 1000 / figures.row("lifecycle", "application: whole lifecycle, per instance").mean();
            double twinRate = 1000 / figures.row("lifecycle", "bare twin: whole lifecycle, per instance").mean();
            figures.note("lifecycle throughput: application %.2f instances/s, bare twin %.2f instances/s, ratio %.2f (goal >= 1.0)"
                    .formatted(realRate, twinRate, realRate / twinRate));
            for (String step : Lifecycle.STEPS) {
                Figures.Row r = figures.row("lifecycle", "application: " + step);
                Figures.Row t = figures.row("lifecycle", "bare twin: " + step);
                figures.note("%-60s p50 %.1f / %.1f ms = x%.1f".formatted(step, r.percentile(50), t.percentile(50),
                        r.percentile(50) / t.percentile(50)));
            }
        }

        if (only.contains("reads")) {
            measureReads(engine, data);
            measurePagesAndReports(engine, data);
        }
        if (only.contains("plans")) {
            explainHotQueries();
        }
        if (only.contains("sweep")) {
            measureSweep(engine, data);
        }

        String table = figures.table("PostgreSQL scale benchmark: scale %.2f, %d cores, %s".formatted(scale,
                Runtime.getRuntime().availableProcessors(), SERVER + DATABASE));
        System.out.println(table);
        System.out.println(plans);
        figures.writeCsv(OUTPUT.resolve("postgres-scale.csv"));
        Files.writeString(OUTPUT.resolve("postgres-scale-plans.txt"), plans);
        Files.writeString(OUTPUT.resolve("postgres-scale.txt"), table);
    }

    @AfterAll
    void closeAndDrop() throws SQLException {
        if (app != null) {
            app.close();
        }
        if (bare != null) {
            bare.close();
        }
        try (Connection connection = connect("postgres"); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("DROP DATABASE IF EXISTS " + BARE_DATABASE + " WITH (FORCE)");
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Walks {@code lifecycles} proposals to signature after the warm-up, each step timed; returns the last partner used. */
    private int measureLifecycle(String name, Lifecycle lifecycle, int partner) {
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        for (int i = 0; i < warmUp; i++) {
            lifecycle.walk(++partner, Lifecycle.STEPS.size(), null);
        }
        long start = System.nanoTime();
        for (int i = 0; i < lifecycles; i++) {
            lifecycle.walk(++partner, Lifecycle.STEPS.size(), steps);
        }
        long total = System.nanoTime() - start;
        steps.forEach((step, nanos) -> figures.add("lifecycle", name + ": " + step, nanos, ""));
        figures.add("lifecycle", name + ": whole lifecycle, per instance", List.of(total / lifecycles),
                "%.2f instances/s over %d".formatted(lifecycles / (total / 1e9), lifecycles));
        return partner;
    }

    /**
     * The happy path of an MoU with an NGO (no due diligence, one CMS Family secretariat consulted,
     * legal review, clearance, the partner's approval, signature): the steps a user or a job takes.
     */
    abstract class Lifecycle {

        static final List<String> STEPS = List.of(
                "propose (start, route, first wait state)",
                "submit the draft (consultation opens)",
                "AEWA comments on the draft",
                "legal review approves",
                "Executive Secretary clears",
                "ask the partner to approve (async job, e-mail)",
                "record the partner's approval",
                "sign and record the signature",
                "tell partner, secretariats, managers (async job, e-mails)");

        final ProcessEngine engine;
        final ProcessDriver driver;

        Lifecycle(ProcessEngine engine, ProcessDriver driver) {
            this.engine = engine;
            this.driver = driver;
        }

        abstract ProcessInstance propose(Map<String, Object> proposal, String reference);

        /** What the first (draft) task's form sends in addition, on the twin what the real listener computes. */
        Map<String, Object> draftExtras() {
            return Map.of();
        }

        abstract void checkEnded(ProcessInstance instance, String reference);

        /** Takes proposal {@code n} through its first {@code stepCount} steps, timing each when {@code times} is given. */
        void walk(int n, int stepCount, Map<String, List<Long>> times) {
            String acronym = "BL%06d".formatted(n);
            String reference = "CMS-%s-%d".formatted(acronym, today.getYear());
            Map<String, Object> proposal = ProcessValues.of(PARTNER_CHOICE, PartnerChoice.EXISTING)
                    .and(AgreementVariables.ACRONYM, acronym).and(INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                    .and(AgreementVariables.TITLE, "Memorandum of Understanding with " + acronym + " on flyways")
                    .and(TERM_START, today).and(FAMILY_INSTRUMENTS, List.of("AEWA")).asMap();
            ProcessInstance[] instance = new ProcessInstance[1];
            List<Runnable> steps = List.of(
                    () -> instance[0] = propose(proposal, reference),
                    () -> {
                        Map<String, Object> draft = ProcessValues.of(DRAFT_ACTION, DraftAction.SUBMITTED)
                                .and(DRAFT_URL, "https://docs.cms.int/drafts/" + acronym).and(DRAFT_VERSION, "v1")
                                .and(TERMS_SUMMARY, "Cooperation on migratory species of common concern")
                                .and(CONSULTATION_DEADLINE_DATE, today.plusDays(14)).asMap();
                        draft.putAll(draftExtras());
                        driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance[0], TASK_DRAFT, draft);
                    },
                    () -> driver.complete("aewa", Groups.familySecretariat("AEWA"), instance[0], TASK_COMMENT_ON_DRAFT,
                            ProcessValues.of(CONSULTATION_COMMENTS, "Include the flyway approach").asMap()),
                    () -> driver.complete("lena", Groups.LEGAL_OFFICERS, instance[0], TASK_LEGAL_REVIEW,
                            ProcessValues.of(LEGAL_DECISION, LegalDecision.APPROVED).asMap()),
                    () -> driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance[0], TASK_CLEARANCE,
                            ProcessValues.of(CLEARANCE_DECISION, ClearanceDecision.CLEARED).asMap()),
                    () -> driver.run(instance[0], REQUEST_PARTNER_APPROVAL),
                    () -> driver.complete("oliver", Groups.PARTNERSHIP_OFFICERS, instance[0], TASK_PARTNER_DECISION,
                            ProcessValues.of(PARTNER_DECISION, PartnerDecision.APPROVED).and(PARTNER_DECISION_DATE, today).asMap()),
                    () -> driver.complete("amina", Groups.EXECUTIVE_SECRETARY, instance[0], TASK_SIGNATURE,
                            ProcessValues.of(SIGNED_ON, today).and(PLACE_OF_SIGNATURE, "Bonn")
                                    .and(SIGNATORY_CMS, "Amy Fraenkel, Executive Secretary")
                                    .and(SIGNATORY_PARTNER, "Head of the partner organization").asMap()),
                    () -> driver.run(instance[0], NOTIFY_SIGNED));
            for (int s = 0; s < stepCount; s++) {
                long start = System.nanoTime();
                steps.get(s).run();
                if (times != null) {
                    times.computeIfAbsent(STEPS.get(s), k -> new ArrayList<>()).add(System.nanoTime() - start);
                }
            }
            if (stepCount == STEPS.size()) {
                checkEnded(instance[0], reference);
            }
        }
    }

    /** The application: lifecycle facade, real delegates, register and notification log. */
    class RealLifecycle extends Lifecycle {

        final AgreementLifecycle facade = app.getBean(AgreementLifecycle.class);
        final AgreementService agreements = app.getBean(AgreementService.class);
        final NotificationLog notifications = app.getBean(NotificationLog.class);

        RealLifecycle(ProcessEngine engine) {
            super(engine, new ProcessDriver(engine, app.getBean(NotificationLog.class), app.getBean(AgreementService.class)));
        }

        @Override
        ProcessInstance propose(Map<String, Object> proposal, String reference) {
            String started = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> facade.propose(proposal));
            assertThat(started).isEqualTo(reference);
            return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey(reference).singleResult();
        }

        @Override
        void checkEnded(ProcessInstance instance, String reference) {
            assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(notifications.search(reference, null, "agreement-signed", 10)).isNotEmpty();
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        }
    }

    /** The twin on the bare engine: the variables the real listeners and the decision would have set are given. */
    class TwinLifecycle extends Lifecycle {

        final ProcessDefinition definition;

        TwinLifecycle(ProcessEngine engine) {
            super(engine, new ProcessDriver(engine, null, null));
            TwinModel twin = new TwinModel(new File("processes/partnership-agreement.bpmn"));
            figures.note("twin of partnership-agreement: " + twin.summary() + "; deployed on the bare starter's own database "
                    + BARE_DATABASE);
            String deployment = engine.getRepositoryService().createDeployment().name("twin")
                    .addString("partnership-agreement.bpmn", Bpmn.convertToString(twin.model)).deploy().getId();
            definition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
        }

        @Override
        ProcessInstance propose(Map<String, Object> proposal, String reference) {
            Map<String, Object> variables = new HashMap<>(proposal);
            AgreementVariables.REFERENCE.putIn(variables, reference);
            // The decision agreement-route's result for an MoU with an NGO, and what the listeners set at start.
            Map<String, Object> route = new HashMap<>(Map.of(ROUTE_FAMILY_CONSULTATION, true));
            route.putAll(Map.of("dueDiligence", false, "legalReview", true, "standingCommittee", false));
            ROUTE.putIn(variables, route);
            CONSULT_FAMILY.putIn(variables, true);
            RETURN_TO_ENDORSEMENT.putIn(variables, false);
            FAMILY_INSTRUMENT_LIST.putIn(variables, List.of("AEWA"));
            PARTNER_REMINDER_CYCLE.putIn(variables, "R/P30D");
            PROPOSED_BY.putIn(variables, "oliver");
            return driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> engine.getRuntimeService()
                    .createProcessInstanceById(definition.getId()).businessKey(reference).setVariables(variables).execute());
        }

        @Override
        Map<String, Object> draftExtras() {
            Map<String, Object> timers = new HashMap<>();
            CONSULTATION_DEADLINE_AT.putIn(timers, RegisterClock.at(today.plusDays(14), ProcessDriver.OFFICE_HOURS));
            CONSULTATION_REMINDER_AT.putIn(timers, RegisterClock.at(today.plusDays(11), ProcessDriver.OFFICE_HOURS));
            return timers;
        }

        @Override
        void checkEnded(ProcessInstance instance, String reference) {
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId(END_IN_FORCE).count()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ reads

    private void measureReads(ProcessEngine engine, ScaleData data) throws Exception {
        AgreementService agreements = app.getBean(AgreementService.class);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        String auth = "Basic " + Base64.getEncoder().encodeToString("oliver:oliver".getBytes(StandardCharsets.UTF_8));
        Function<String, String> get = path -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                return response.body();
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        int count = (int) agreements.count();
        figures.note("register: %d agreements (%d generated), %d notifications".formatted(count, data.agreements, scalar(
                "SELECT COUNT(*) FROM notification_log")));
        figures.time("reads", "register list, every agreement (service)", warmUp, reads,
                i -> assertThat(agreements.search(AgreementFilter.all())).hasSize(count));
        figures.time("reads", "register list, every agreement (REST /api/agreements)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements")).contains("CMS-BX000001-1991-1"));
        figures.time("reads", "register filter: in force, NGO partners (REST)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?status=IN_FORCE&category=NGO")).contains("IN_FORCE"));
        figures.time("reads", "register filter: one partner's agreements (REST)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?partner=BX%06d".formatted(1 + i % (data.agreements / 5))))
                        .contains("BX%06d".formatted(1 + i % (data.agreements / 5))));
        figures.time("reads", "register text search 'dugongs' (REST ?q=)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?q=dugongs")).contains("dugongs"));
        figures.time("reads", "one agreement with its history and comments (REST)", warmUp, reads, i -> {
            int g = 1 + (i * 7919) % data.agreements;
            String reference = "CMS-BX%06d-%d-%d".formatted(1 + (g - 1) % (data.agreements / 5), 1990 + g % 36, g);
            assertThat(get.apply("/api/agreements/" + reference)).contains(reference, "PROPOSED");
        });
        figures.time("reads", "one agreement's status history (service)", warmUp, reads, i -> {
            int g = 1 + (i * 7919) % data.agreements;
            assertThat(agreements.history("CMS-BX%06d-%d-%d".formatted(1 + (g - 1) % (data.agreements / 5), 1990 + g % 36, g)))
                    .hasSize(4);
        });
        for (String path : extraPaths) {
            figures.time("reads", "hook: GET " + path, warmUp, reads, i -> get.apply(path));
        }
        if (extraPaths.isEmpty()) {
            figures.note("hook: the register pages and the COP report facts are measured with -Dbenchmark.paths=/path1,/path2 "
                    + "(GET as oliver, 200 expected); none given in this run");
        }

        // The officers' Tasklist filters, as Tasklist asks them: count, then the first page, as oliver.
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember("oliver").list().stream()
                .map(Group::getId).toList();
        for (Filter filter : engine.getFilterService().createFilterQuery().orderByFilterId().asc().list()) {
            if (filter.getName().equals("All tasks")) {
                continue;
            }
            engine.getIdentityService().setAuthentication("oliver", groups);
            try {
                long open = engine.getFilterService().count(filter.getId());
                figures.time("reads", "Tasklist filter '%s': count".formatted(filter.getName()), warmUp, reads,
                        i -> assertThat(engine.getFilterService().count(filter.getId())).isEqualTo(open));
                figures.time("reads", "Tasklist filter '%s': first page of 15".formatted(filter.getName()), warmUp, reads,
                        i -> assertThat(engine.getFilterService().listPage(filter.getId(), 0, 15)).hasSize((int) Math.min(15, open)));
                figures.note("Tasklist filter '%s' shows oliver %d tasks".formatted(filter.getName(), open));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }
    }

    // ------------------------------------------------------------------ pages and reports

    /** Page statements captured while measuring (engine queries as MyBatis sends them), explained in the plans section. */
    final Map<String, String> pageQueries = new LinkedHashMap<>();

    /**
     * Goals 2 and 4 for the register pages and the COP report facts, read as a browser reads them: logged
     * in (the webapps' session login, see PageSession) as oliver, a partnership officer, and as aewa, a
     * Family secretariat, for the pages RegisterReadAccess filters. Each read checks what it shows.
     */
    private void measurePagesAndReports(ProcessEngine engine, ScaleData data) {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        PageSession oliver = PageSession.login(base, "oliver");
        PageSession aewa = PageSession.login(base, "aewa");
        PageSession marc = PageSession.login(base, "marc");
        FactsService factsService = app.getBean(FactsService.class);
        String year = String.valueOf(today.getYear());
        // Running proposals (started above, partners BL000001 ...; proposal n took 1 + (n - 1) % 8 steps): those
        // waiting for their draft, an officers' task, so that oliver sees it on the agreement's page.
        Function<Integer, String> proposal = i -> "CMS-BL%06d-%s".formatted(1 + 8 * (i % Math.max(1, Math.min(running, 200) / 8)), year);
        Function<Integer, String> plan = i -> "JWP-BX-" + (1 + (i * 7919) % data.workPlans);

        // The COP report facts as at a date over the whole register (goal 4).
        Facts full = factsService.asOf(today, null);
        figures.note("COP facts as at %s: period from %s, %d formal partners, %d new partnerships, %d pending, %d plans in implementation"
                .formatted(today, full.periodFrom(), full.formalPartnersTotal(), full.newPartnerships().size(),
                        full.pendingInstruments().size(), full.workPlansInImplementation().size()));
        figures.time("reports", "COP facts as at today, whole register (FactsService)", warmUp, reads,
                i -> assertThat(factsService.asOf(today, null).formalPartnersTotal()).isEqualTo(full.formalPartnersTotal()));
        figures.time("reports", "COP facts as at today (GET /api/facts, JSON)", warmUp, reads,
                i -> assertThat(oliver.get("/api/facts?asOf=" + today)).contains("\"formalPartnersTotal\":" + full.formalPartnersTotal()));
        LocalDate earlier = today.minusDays(150);
        figures.time("reports", "COP facts as at 150 days ago (GET /api/facts, JSON)", warmUp, reads,
                i -> assertThat(oliver.get("/api/facts?asOf=" + earlier)).contains("\"asOf\":\"" + earlier + "\""));
        figures.time("reports", "COP facts as CSV (GET /api/facts.csv)", warmUp, reads,
                i -> assertThat(oliver.get("/api/facts.csv?asOf=" + today)).contains(proposal.apply(0).substring(0, 4)));
        assertThat(aewa.status("/api/facts?asOf=" + today)).as("a Family secretariat does not read the facts").isEqualTo(403);

        // A report being drafted: its page recomputes the facts (live until approval) and shows the engine's work.
        long start = System.nanoTime();
        String report = new ProcessDriver(engine, null, null).as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS),
                () -> app.getBean(CopReportProcess.class).start(15, null, null, null));
        figures.total("reports", "start the COP15 report (facts compiled, draft task with the facts)", System.nanoTime() - start,
                report);
        figures.time("pages", "COP report page, facts as they stand now (/register/cop-reports/{key})", warmUp, reads,
                i -> assertThat(oliver.get("/register/cop-reports/" + report)).contains("Draft the narrative"));

        figures.time("pages", "coming due (/register/coming-due), oliver", warmUp, reads,
                i -> assertThat(oliver.get("/register/coming-due")).contains("coming due"));
        figures.time("pages", "coming due, aewa (Family secretariat)", warmUp, reads,
                i -> assertThat(aewa.get("/register/coming-due")).contains("coming due"));

        long notifications;
        try {
            notifications = scalar("SELECT COUNT(*) FROM notification_log");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        figures.note("notification log: %d rows".formatted(notifications));
        figures.time("pages", "notification log, first page (/register/notifications)", warmUp, reads,
                i -> assertThat(oliver.get("/register/notifications")).contains("Notifications 1–25"));
        figures.time("pages", "notification log, page 200", warmUp, reads,
                i -> assertThat(oliver.get("/register/notifications?page=200")).contains("Notifications 4976–5000"));
        figures.time("pages", "notification log, one reference", warmUp, reads, i -> {
            String reference = "CMS-BX%06d-%d-%d".formatted(1 + i % (data.agreements / 5), 1990 + (1 + i) % 36, 1 + i);
            assertThat(oliver.get("/register/notifications?reference=" + reference)).contains(reference);
        });
        figures.time("pages", "notification log, status failed", warmUp, reads,
                i -> assertThat(oliver.get("/register/notifications?status=FAILED")).contains("mail server refused"));
        figures.time("pages", "notification log, aewa (own e-mails)", warmUp, reads,
                i -> assertThat(aewa.get("/register/notifications")).contains("Notification log"));
        figures.time("pages", "notification log page /notifications (newest 500)", warmUp, reads,
                i -> assertThat(oliver.get("/notifications")).contains("CMS-BL"));
        figures.time("pages", "notification log API, one reference (/api/notifications?reference=)", warmUp, reads,
                i -> assertThat(oliver.get("/api/notifications?reference=" + proposal.apply(i))).startsWith("["));

        figures.time("pages", "work-plan list (/register/work-plans), oliver", warmUp, reads,
                i -> assertThat(oliver.get("/register/work-plans")).contains("JWP-BX-1<"));
        figures.time("pages", "work-plan list, aewa (Family secretariat)", warmUp, reads,
                i -> assertThat(aewa.get("/register/work-plans")).contains("Joint work plans"));
        figures.time("pages", "one work plan with its 30 activities (/register/work-plans/{ref})", warmUp, reads, i -> {
            String page = oliver.get("/register/work-plans/" + plan.apply(i));
            assertThat(page).contains(plan.apply(i), "A15", "B30");
        });
        figures.time("pages", "agreement page of a running proposal (/register/agreements/{ref})", warmUp, reads,
                i -> assertThat(oliver.get("/register/agreements/" + proposal.apply(i))).contains(proposal.apply(i), "#/?task="));
        figures.time("pages", "agreement page, marc (manager: its process instances too)", warmUp, reads,
                i -> assertThat(marc.get("/register/agreements/" + proposal.apply(i))).contains(proposal.apply(i), "#/process-instance/"));
        figures.time("pages", "agreement page, aewa (named in its instruments)", warmUp, reads,
                i -> assertThat(aewa.get("/register/agreements/" + proposal.apply(i))).contains(proposal.apply(i)));

        // What each page sends to the database (engine and register), counted (an N+1 shows as a count that
        // grows with the register) and kept for the plans section, one plan per distinct statement.
        Map<String, PageSession> pages = new LinkedHashMap<>();
        pages.put("/api/facts?asOf=" + today, oliver);
        pages.put("/register/cop-reports/" + report, oliver);
        pages.put("/register/coming-due", oliver);
        pages.put("/register/coming-due ", aewa);
        pages.put("/register/notifications", oliver);
        pages.put("/register/notifications?status=FAILED", oliver);
        pages.put("/register/notifications ", aewa);
        pages.put("/register/work-plans", oliver);
        pages.put("/register/work-plans ", aewa);
        pages.put("/register/work-plans/" + plan.apply(1), oliver);
        pages.put("/register/agreements/" + proposal.apply(3), oliver);
        pages.put("/register/agreements/" + proposal.apply(3) + " ", aewa);
        pages.put("/register/agreements/" + proposal.apply(3) + "  ", marc);
        for (var page : pages.entrySet()) {
            String path = page.getKey().trim();
            List<EngineSql.Statement> sent;
            try {
                sent = EngineSql.capture(() -> page.getValue().get(path));
            } catch (RuntimeException | AssertionError e) {
                figures.note("page %s as %s: statements not captured (%s)".formatted(path, page.getValue().user, e));
                continue;
            }
            long engineStatements = sent.stream().filter(st -> !st.id().equals("register")).count();
            figures.note("page %s as %s: %d statements (%d register, %d engine)".formatted(path, page.getValue().user,
                    sent.size(), sent.size() - engineStatements, engineStatements));
            java.util.Set<String> seen = new java.util.HashSet<>();
            int n = 0;
            for (EngineSql.Statement statement : sent) {
                n++;
                if (seen.add(statement.template())) {
                    pageQueries.putIfAbsent("%s as %s, statement %d (%s)".formatted(path, page.getValue().user, n,
                            statement.id()), statement.sql());
                }
            }
        }
        // The officers' Tasklist filters (count and first page), as oliver.
        ProcessDriver as = new ProcessDriver(engine, null, null);
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember("oliver").list().stream()
                .map(Group::getId).toList();
        for (Filter filter : engine.getFilterService().createFilterQuery().orderByFilterId().asc().list()) {
            if (filter.getName().equals("All tasks")) {
                continue;
            }
            for (EngineSql.Statement statement : EngineSql.capture(() -> as.as("oliver", groups, () -> {
                engine.getFilterService().count(filter.getId());
                return engine.getFilterService().listPage(filter.getId(), 0, 15);
            }))) {
                if (statement.id().startsWith("TaskEntity")) {
                    pageQueries.putIfAbsent("Tasklist filter '%s': %s".formatted(filter.getName(), statement.id()), statement.sql());
                }
            }
        }
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the register's hot queries, as AgreementService and NotificationLog send them. */
    private void explainHotQueries() throws SQLException {
        String select = """
                SELECT a.*, p.acronym AS partner_acronym, p.name AS partner_name, p.category AS partner_category,
                       s.reference AS supersedes_reference, sb.reference AS superseded_by_reference
                FROM agreement a
                JOIN partner p ON p.id = a.partner_id
                LEFT JOIN agreement s ON s.id = a.supersedes_id
                LEFT JOIN agreement sb ON sb.id = a.superseded_by_id""";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("register list", select + " WHERE 1 = 1 ORDER BY a.reference");
        queries.put("register filter: status and category", select
                + " WHERE 1 = 1 AND a.status = 'IN_FORCE' AND p.category = 'NGO' ORDER BY a.reference");
        queries.put("register filter: one partner (also openProposal at every proposal)", select
                + " WHERE 1 = 1 AND a.instrument_type = 'MEMORANDUM_OF_UNDERSTANDING' AND UPPER(p.acronym) = 'BX000042' ORDER BY a.reference");
        queries.put("register text search", select + " WHERE 1 = 1 AND (UPPER(a.reference) LIKE '%DUGONGS%' OR UPPER(a.title) LIKE '%DUGONGS%'"
                + " OR UPPER(a.scope) LIKE '%DUGONGS%' OR UPPER(p.name) LIKE '%DUGONGS%' OR UPPER(p.acronym) LIKE '%DUGONGS%') ORDER BY a.reference");
        queries.put("one agreement by reference", select + " WHERE a.reference = 'CMS-BX000001-1991-1'");
        queries.put("status history of one agreement", """
                SELECT h.* FROM agreement_status_change h JOIN agreement a ON a.id = h.agreement_id
                WHERE a.reference = 'CMS-BX000001-1991-1' ORDER BY h.id""");
        queries.put("comments of one agreement", """
                SELECT c.* FROM agreement_comment c JOIN agreement a ON a.id = c.agreement_id
                WHERE a.reference = 'CMS-BX000001-1991-1' ORDER BY c.id""");
        queries.put("morning sweep: reviews due", select
                + " WHERE a.status IN ('IN_FORCE', 'DORMANT') AND a.next_review_on <= CURRENT_DATE ORDER BY a.reference");
        queries.put("morning sweep: renewals due", select
                + " WHERE a.status IN ('IN_FORCE', 'DORMANT', 'SUSPENDED') AND a.expires_on <= CURRENT_DATE + 90 ORDER BY a.reference");
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement()) {
            for (var query : queries.entrySet()) {
                plans.append("\n--- EXPLAIN (ANALYZE, BUFFERS): ").append(query.getKey()).append('\n');
                try (ResultSet plan = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query.getValue())) {
                    while (plan.next()) {
                        plans.append(plan.getString(1)).append('\n');
                    }
                }
            }
        }
        explainPageQueries();
    }

    /**
     * The plans of the pages' and reports' hot queries: the register's as the services send them, the
     * engine's as captured while measuring (measurePagesAndReports); each sequential scan named in a note.
     */
    private void explainPageQueries() throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        // Reads only (EXPLAIN ANALYZE runs the statement).
        pageQueries.forEach((name, sql) -> {
            if (sql.stripLeading().regionMatches(true, 0, "select", 0, 6)) {
                queries.put(name, sql);
            }
        });
        int sequential = 0;
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement()) {
            for (var query : queries.entrySet()) {
                plans.append("\n--- EXPLAIN (ANALYZE, BUFFERS): ").append(query.getKey()).append('\n')
                        .append(query.getValue()).append('\n');
                List<String> scans = new ArrayList<>();
                try (ResultSet plan = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query.getValue())) {
                    while (plan.next()) {
                        String line = plan.getString(1);
                        plans.append(line).append('\n');
                        java.util.regex.Matcher scan = java.util.regex.Pattern.compile("Seq Scan on (\\w+)").matcher(line);
                        if (scan.find()) {
                            scans.add(scan.group(1));
                        }
                    }
                } catch (SQLException e) {
                    plans.append("(not explained: ").append(e.getMessage()).append(")\n");
                    continue;
                }
                if (!scans.isEmpty()) {
                    sequential++;
                    figures.note("plan '%s': sequential scan of %s".formatted(query.getKey(), String.join(", ", scans)));
                }
            }
        }
        figures.note("pages and Tasklist filters: %d distinct statements explained, %d with a sequential scan"
                .formatted(queries.size(), sequential));
    }

    // ------------------------------------------------------------------ sweep

    /** The morning sweep over the agreements in force: a small set due, then every one of them due. */
    private void measureSweep(ProcessEngine engine, ScaleData data) throws SQLException {
        FollowUps followUps = app.getBean(FollowUps.class);
        int all = (int) scalar("SELECT COUNT(*) FROM agreement WHERE status IN ('IN_FORCE', 'DORMANT')");
        int[] sizes = {Math.max(10, (int) Math.round(1_000 * scale)), all};
        for (int k = 0; k < sizes.length; k++) {
            int size = sizes[k];
            // Each sweep its own due date: a review's business key names agreement and date, and the
            // reviews of the sweep before stay in the history.
            int daysAgo = sizes.length - 1 - k;
            try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement()) {
                sql.executeUpdate("UPDATE agreement SET next_review_on = NULL WHERE next_review_on IS NOT NULL");
                sql.executeUpdate("""
                        UPDATE agreement SET next_review_on = DATE '%s' WHERE id IN (
                          SELECT id FROM agreement WHERE status IN ('IN_FORCE', 'DORMANT') ORDER BY id LIMIT %d)""".formatted(today.minusDays(daysAgo), size));
            }
            long start = System.nanoTime();
            FollowUps.Started started = followUps.startDue(today);
            long took = System.nanoTime() - start;
            assertThat(started.reviews()).hasSize(size);
            figures.total("sweep", "morning sweep, %d reviews due".formatted(size), took,
                    "%.1f ms per agreement; %d renewals".formatted(took / 1e6 / size, started.renewals().size()));
            if (k < sizes.length - 1) {
                // The next sweep finds no review under way (one review of an agreement at a time).
                List<String> ids = engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionKey(AnnualReviewProcess.KEY).list().stream().map(ProcessInstance::getId).toList();
                engine.getRuntimeService().deleteProcessInstances(ids, "benchmark: next sweep size", false, true);
            }
        }
    }

    // ------------------------------------------------------------------ infrastructure

    private ConfigurableApplicationContext startApplication() {
        return new SpringApplicationBuilder(CmsPartnershipsApplication.class)
                .profiles("postgres", "demo").initializers(PageSession.LOGIN)
                .run(common(DATABASE, "benchmarkApplication"));
    }

    /**
     * The bare starter: none of the application's configuration files, no auto-deployment of our models, no Flyway.
     * The administrator password only satisfies the application's AdminPasswordGuard (an EnvironmentPostProcessor
     * on the shared classpath); without an admin-user id the starter creates no user from it.
     */
    private ConfigurableApplicationContext startBare() {
        List<String> args = new ArrayList<>(List.of(common(BARE_DATABASE, "benchmarkBare")));
        args.addAll(List.of("--spring.config.name=bare-starter", "--camunda.bpm.auto-deployment-enabled=false",
                "--spring.flyway.enabled=false",
                "--camunda.bpm.admin-user.password=Not-Used-By-The-Bare-Starter-1"));
        return new SpringApplicationBuilder(BareStarterApplication.class).run(args.toArray(String[]::new));
    }

    /** What both starts share: a web server on a free port, no job executor (jobs are run by hand), no webapps (static state). */
    private static String[] common(String database, String engineName) {
        return new String[] {"--server.port=0", "--spring.datasource.url=" + SERVER + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.webapp.enabled=false",
                "--spring.autoconfigure.exclude=" + ProcessEngineCoverageConfiguration.class.getName(),
                "--camunda.bpm.process-engine-name=" + engineName,
                "--logging.level.root=WARN", "--logging.level.org.cms.partnerships=WARN"};
    }

    private static String historyLevel(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName();
    }

    private long scalar(String query) throws SQLException {
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void createDatabase(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, "postgres", "");
    }
}
