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
import java.util.TreeMap;
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
import org.cms.partnerships.operations.ConsistencyCheck;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementSort;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;
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
    /** Production and bare restarts, taking turns after one uncounted turn; the start-up ratio is of their medians. */
    final int restarts = Math.max(1, Integer.getInteger("benchmark.restarts", 5));
    /** The hook for pages and reports built elsewhere: comma-separated paths, read as oliver (e.g. the COP report facts). */
    /** Which sections run after the starts and the data (all by default): lifecycle, reads, sweep, plans. */
    final List<String> only = Arrays.stream(System.getProperty("benchmark.only", "lifecycle,reads,plans,sweep").split(","))
            .map(String::trim).filter(p -> !p.isEmpty()).toList();
    /** Keeps both databases after the run (to explain queries by hand on the generated register). */
    final boolean keepDatabases = Boolean.getBoolean("benchmark.keep-databases");
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

        // Start to ready: first start on a fresh database (schema, migrations, demo register), then
        // restarts on the register at scale. The headline is the production restart (profile postgres:
        // the demo users are in the database since the first start) against the bare starter's restart,
        // measured right after it. Each note says where the time went (see explainStart).
        Started started = startApplication("postgres", "demo");
        started.context().close();
        figures.total("start", "application, first start on a fresh database", started.nanos(),
                "schema + Flyway + demo data; first in the JVM");
        figures.note("start: application, first start: " + started.explained());
        try (Connection connection = connect(DATABASE)) {
            long start = System.nanoTime();
            data.generate(connection);
            figures.total("data", "generate the register at scale (set-based SQL)", System.nanoTime() - start,
                    "%d agreements, %d plans x %d activities, %d notifications".formatted(data.agreements, data.workPlans,
                            data.activitiesPerPlan, data.notifications));
        }
        Started bareFirst = startBare();
        bareFirst.context().close();
        figures.total("start", "bare starter, first start on a fresh database", bareFirst.nanos(), "schema");
        // The generated agreements and plans under way have no process yet: on its first start on them the
        // demo loader brings them under process control at their stage, once (a production node has no
        // loader; after this the register is consistent, as a production register is).
        started = startApplication("postgres", "demo");
        started.context().close();
        figures.total("start", "application (demo profile), first restart on the generated register", started.nanos(),
                "demo loader takes over the generated records under way, once");
        figures.note("start: application (demo profile), first restart: " + started.explained());
        // Production and bare restarts take turns, several times, and the ratio is of their medians: a single
        // restart varies by a factor of 1.5 on a shared 2-core machine, and a turn meets the same load on both.
        List<Long> productionStarts = new ArrayList<>();
        List<Long> bareStarts = new ArrayList<>();
        Started production = null;
        Started bareRestart = null;
        // Turn 0 warms up and is not counted (the first restart after the demo loader's runs JIT-cold code paths);
        // each start begins from a collected heap, so a full collection of the contexts closed before it does not
        // land in one side's start.
        for (int turn = 0; turn <= restarts; turn++) {
            System.gc();
            production = startApplication("postgres");
            production.context().close();
            System.gc();
            bareRestart = startBare();
            if (turn > 0) {
                productionStarts.add(production.nanos());
                bareStarts.add(bareRestart.nanos());
            }
            if (turn < restarts) {
                bareRestart.context().close();
            }
        }
        bare = bareRestart.context();
        figures.add("start", "application, production restart on the register at scale", productionStarts,
                "profile postgres");
        figures.note("start: application, production restart (the last): " + production.explained());
        double startRatio = median(productionStarts) / median(bareStarts);
        figures.add("start", "bare starter, restart", bareStarts, "ratio of the medians %.2f (goal <= 1.3)"
                .formatted(startRatio));
        figures.note("start: bare starter, restart (the last): " + bareRestart.explained());
        figures.note("start to ready, production restart against the bare starter's, turn by turn: %s; medians %.2f s and %.2f s, ratio %.2f"
                .formatted(turns(productionStarts, bareStarts), median(productionStarts) / 1e9, median(bareStarts) / 1e9, startRatio));
        started = startApplication("postgres", "demo");
        app = started.context();
        figures.total("start", "application (demo profile), restart on the register at scale", started.nanos(),
                "ratio %.2f to the bare restarts' median".formatted(started.nanos() / median(bareStarts)));
        figures.note("start: application (demo profile), restart: " + started.explained());

        ProcessEngine engine = app.getBean(ProcessEngine.class);
        ProcessEngine bareEngine = bare.getBean(ProcessEngine.class);
        figures.note("history level: application %s, bare starter %s".formatted(historyLevel(engine), historyLevel(bareEngine)));

        long start;
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
            partner = measureLifecycles(real, twin, partner);
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
        if (keepDatabases) {
            System.out.println("Kept the databases " + DATABASE + " and " + BARE_DATABASE + " (-Dbenchmark.keep-databases)");
            return;
        }
        try (Connection connection = connect("postgres"); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("DROP DATABASE IF EXISTS " + BARE_DATABASE + " WITH (FORCE)");
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Walks {@code lifecycles} proposals to signature on each side after the warm-up, each step timed, the two
     * sides taking turns instance by instance: on a shared machine both meet the same load, so their ratio holds
     * even when the load changes during the run. Instances per second: the instances over the time spent walking
     * them on that side. Returns the last partner used.
     */
    private int measureLifecycles(Lifecycle real, Lifecycle twin, int partner) {
        Map<String, List<Long>> realSteps = new LinkedHashMap<>();
        Map<String, List<Long>> twinSteps = new LinkedHashMap<>();
        for (int i = 0; i < warmUp; i++) {
            real.walk(++partner, Lifecycle.STEPS.size(), null);
            twin.walk(++partner, Lifecycle.STEPS.size(), null);
        }
        long realTotal = 0;
        long twinTotal = 0;
        for (int i = 0; i < lifecycles; i++) {
            long start = System.nanoTime();
            real.walk(++partner, Lifecycle.STEPS.size(), realSteps);
            realTotal += System.nanoTime() - start;
            start = System.nanoTime();
            twin.walk(++partner, Lifecycle.STEPS.size(), twinSteps);
            twinTotal += System.nanoTime() - start;
        }
        report("application", real, realSteps, realTotal);
        report("bare twin", twin, twinSteps, twinTotal);
        return partner;
    }

    private void report(String name, Lifecycle lifecycle, Map<String, List<Long>> steps, long total) {
        steps.forEach((step, nanos) -> figures.add("lifecycle", name + ": " + step, nanos, ""));
        figures.add("lifecycle", name + ": whole lifecycle, per instance", List.of(total / lifecycles),
                "%.2f instances/s over %d".formatted(lifecycles / (total / 1e9), lifecycles));
        if (lifecycle.counting) {
            reportRoundTrips(name, lifecycle.roundTrips);
        }
    }

    /** Round trips per instance and step (notes), and by statement in postgres-scale-round-trips-<side>.txt. */
    private void reportRoundTrips(String name, Map<String, Map<String, Long>> roundTrips) {
        StringBuilder detail = new StringBuilder();
        long whole = 0;
        for (var step : roundTrips.entrySet()) {
            long sum = step.getValue().values().stream().mapToLong(Long::longValue).sum();
            whole += sum;
            figures.note("%s round trips: %-55s %5.1f per instance".formatted(name, step.getKey(), (double) sum / lifecycles));
            detail.append("\n== ").append(step.getKey()).append(": ").append("%.1f".formatted((double) sum / lifecycles))
                    .append(" per instance\n");
            step.getValue().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> detail.append("%6.1f  %s%n".formatted((double) e.getValue() / lifecycles, e.getKey())));
        }
        figures.note("%s round trips: whole lifecycle %.1f per instance".formatted(name, (double) whole / lifecycles));
        try {
            Files.createDirectories(OUTPUT);
            Files.writeString(OUTPUT.resolve("postgres-scale-round-trips-" + name.replace(' ', '-') + ".txt"), detail);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

        /** With the counting driver: round trips to this side's database per step, by statement, over the measured walks. */
        final boolean counting = CountingDriver.active(SERVER);
        final Map<String, Map<String, Long>> roundTrips = new LinkedHashMap<>();

        /** The database this side works on (the application's, or the bare starter's for the twin). */
        abstract String database();

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
                Map<String, Long> before = counting && times != null ? CountingDriver.snapshot(database()) : null;
                long start = System.nanoTime();
                steps.get(s).run();
                if (times != null) {
                    times.computeIfAbsent(STEPS.get(s), k -> new ArrayList<>()).add(System.nanoTime() - start);
                }
                if (before != null) {
                    Map<String, Long> step = roundTrips.computeIfAbsent(STEPS.get(s), k -> new TreeMap<>());
                    CountingDriver.difference(before, CountingDriver.snapshot(database()))
                            .forEach((sql, count) -> step.merge(sql, count, Long::sum));
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
        String database() {
            return DATABASE;
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
        String database() {
            return BARE_DATABASE;
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
        figures.time("reads", "register list, every agreement (service, unpaged: exports)", warmUp, reads,
                i -> assertThat(agreements.search(AgreementFilter.all())).hasSize(count));
        figures.time("reads", "register list, first page of 100 (REST /api/agreements)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements")).contains("\"reference\":\"CMS-"));
        int middle = Math.max(1, count / 2 / 100);
        figures.time("reads", "register list, page %d of 100 (REST ?page=%d)".formatted(middle, middle), warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?page=" + middle)).contains("\"reference\":\"CMS-"));
        figures.time("reads", "register filter: in force, NGO partners (REST)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?status=IN_FORCE&category=NGO")).contains("IN_FORCE"));
        figures.time("reads", "register filter: one partner's agreements (REST)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?partner=BX%06d".formatted(1 + i % (data.agreements / 5))))
                        .contains("BX%06d".formatted(1 + i % (data.agreements / 5))));
        figures.time("reads", "register text search 'dugongs' (REST ?q=)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?q=dugongs")).contains("dugongs"));
        figures.time("reads", "register text search 'dugongs', page 2 (REST ?q=&page=2)", warmUp, reads,
                i -> assertThat(get.apply("/api/agreements?q=dugongs&page=2")).contains("dugongs"));
        Function<String, String> aewa = basic(http, base, "aewa");
        figures.time("reads", "register list as a Family secretariat (aewa, REST)", warmUp, reads,
                i -> assertThat(aewa.apply("/api/agreements")).contains("AEWA"));
        long csvStart = System.nanoTime();
        String csv = get.apply("/api/agreements.csv");
        figures.total("reads", "register CSV export, every agreement (REST /api/agreements.csv, once)", System.nanoTime() - csvStart,
                "%d lines, %d kB".formatted(csv.lines().count(), csv.length() / 1024));
        assertThat(csv.lines().count()).isGreaterThan(count);

        // The register pages, as a browser logged in to Tasklist reads them (the webapps' session login, PageSession).
        {
            PageSession session = PageSession.login(base, "oliver");
            Function<String, String> page = session::get;
            figures.time("reads", "register page: agreements (GET /register/agreements)", warmUp, reads,
                    i -> assertThat(page.apply("/register/agreements")).contains("Agreements 1–25 of " + count));
            figures.time("reads", "register page: agreements in force by term end, page 3", warmUp, reads,
                    i -> assertThat(page.apply("/register/agreements?status=IN_FORCE&sort=termEnds&dir=desc&page=3"))
                            .contains("Page 3 of"));
            figures.time("reads", "register page: agreements, text search 'dugongs'", warmUp, reads,
                    i -> assertThat(page.apply("/register/agreements?q=dugongs")).contains("dugongs"));
            figures.time("reads", "register page: partners (GET /register/partners)", warmUp, reads,
                    i -> assertThat(page.apply("/register/partners")).contains("Partners 1–25 of"));
            figures.time("reads", "register page: partners, page 10", warmUp, reads,
                    i -> assertThat(page.apply("/register/partners?page=10")).contains("Page 10 of"));
            figures.time("reads", "register page: one partner (GET /register/partners/BX...)", warmUp, reads,
                    i -> assertThat(page.apply("/register/partners/BX%06d".formatted(1 + (i * 37) % (data.agreements / 5))))
                            .contains("CMS-BX%06d-".formatted(1 + (i * 37) % (data.agreements / 5))));
        }
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

    /** GET as {@code user} (password = user id) with HTTP Basic, as the API's callers do; 200 expected. */
    private static Function<String, String> basic(HttpClient http, String base, String user) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return path -> send(http, HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth), path);
    }

    private static String send(HttpClient http, HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
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
        Map<String, AgreementService.Sql> sent = new LinkedHashMap<>();
        AgreementService register = app.getBean(AgreementService.class);
        AgreementFilter all = AgreementFilter.all();
        AgreementFilter inForceNgos = new AgreementFilter(AgreementStatus.IN_FORCE, PartnerCategory.NGO, null, null, null);
        AgreementFilter dugongs = new AgreementFilter(null, null, null, null, "dugongs");
        sent.put("register list, first page of 100 (REST default)", register.pageSql(all, AgreementSort.REFERENCE, false, 0, 100));
        sent.put("register list, total (REST X-Total-Count)", register.countSql(all));
        sent.put("register list, page 50 of 100", register.pageSql(all, AgreementSort.REFERENCE, false, 4900, 100));
        sent.put("register list, every agreement (service, exports)", register.listSql(all));
        sent.put("register filter: status and category, first page", register.pageSql(inForceNgos, AgreementSort.REFERENCE, false, 0, 100));
        sent.put("register filter: status and category, total", register.countSql(inForceNgos));
        sent.put("register filter: one partner (also openProposal at every proposal)", register.listSql(
                new AgreementFilter(null, null, InstrumentType.MEMORANDUM_OF_UNDERSTANDING, "bx000042", null)));
        sent.put("register text search, first page", register.pageSql(dugongs, AgreementSort.REFERENCE, false, 0, 100));
        sent.put("register text search, total", register.countSql(dugongs));
        sent.put("register page: counts per status (one GROUP BY)", register.statusCountSql(all));
        sent.put("register page: in force by term end, descending, page 3", register.pageSql(
                new AgreementFilter(AgreementStatus.IN_FORCE, null, null, null, null), AgreementSort.TERM_ENDS, true, 50, 25));
        sent.put("register list as a Family secretariat (aewa)", register.pageSql(all.naming(java.util.Set.of("aewa")),
                AgreementSort.REFERENCE, false, 0, 100));
        // PartnerService's and WorkPlanService's reads of the partner pages, as they send them (literals inlined).
        queries.put("partner by acronym, any case (PartnerService.findByAcronym)",
                "SELECT * FROM partner WHERE LOWER(acronym) = LOWER('bx000042')");
        queries.put("partners' page 20 (PartnerService.page)",
                "SELECT * FROM partner WHERE 1 = 1 ORDER BY LOWER(acronym), acronym LIMIT 25 OFFSET 475");
        queries.put("agreements per partner of one page (AgreementService.countByPartner; the page's ids as a subquery here)",
                "SELECT a.partner_id, COUNT(*) AS n FROM agreement a JOIN partner p ON p.id = a.partner_id WHERE 1 = 1"
                        + " AND a.partner_id IN (SELECT id FROM partner ORDER BY LOWER(acronym), acronym LIMIT 25 OFFSET 475)"
                        + " GROUP BY a.partner_id");
        queries.put("work plans of one partner (WorkPlanService.plansOfPartner)", """
                SELECT w.*, p.acronym AS partner_acronym, a.reference AS agreement_reference,
                       pre.reference AS predecessor_reference
                FROM work_plan w
                JOIN partner p ON p.id = w.partner_id
                LEFT JOIN agreement a ON a.id = w.agreement_id
                LEFT JOIN work_plan pre ON pre.id = w.predecessor_id
                 WHERE w.partner_id = (SELECT id FROM partner WHERE acronym = 'BX000042') ORDER BY w.reference""");
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
            // The register's queries as AgreementService builds them: the same text, the same parameters.
            for (var query : sent.entrySet()) {
                plans.append("\n--- EXPLAIN (ANALYZE, BUFFERS): ").append(query.getKey()).append('\n');
                try (var statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + query.getValue().sql())) {
                    for (int p = 0; p < query.getValue().params().size(); p++) {
                        statement.setObject(p + 1, query.getValue().params().get(p));
                    }
                    try (ResultSet plan = statement.executeQuery()) {
                        while (plan.next()) {
                            plans.append(plan.getString(1)).append('\n');
                        }
                    }
                }
            }
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
            long[] before = databaseCounters();
            long start = System.nanoTime();
            FollowUps.Started started = followUps.startDue(today);
            long took = System.nanoTime() - start;
            long[] after = databaseCounters();
            assertThat(started.reviews()).hasSize(size);
            figures.total("sweep", "morning sweep, %d reviews due".formatted(size), took,
                    "%.1f ms per agreement; %d renewals; per agreement %.2f commits, %.1f rows written".formatted(
                            took / 1e6 / size, started.renewals().size(), (after[0] - before[0]) / (double) size,
                            (after[1] - before[1]) / (double) size));
            if (k < sizes.length - 1) {
                // The next sweep finds no review under way (one review of an agreement at a time).
                List<String> ids = engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionKey(AnnualReviewProcess.KEY).list().stream().map(ProcessInstance::getId).toList();
                engine.getRuntimeService().deleteProcessInstances(ids, "benchmark: next sweep size", false, true);
            }
        }
    }

    /**
     * The application database's commits and rows written (inserted, updated, deleted) so far, from
     * pg_stat_database; a backend reports its counts up to a second late, hence the wait.
     */
    private long[] databaseCounters() throws SQLException {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("""
                     SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database
                     WHERE datname = current_database()""")) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2)};
        }
    }

    // ------------------------------------------------------------------ infrastructure

    /** A start to ready: the context, how long it took, and where the time went. */
    private record Started(ConfigurableApplicationContext context, long nanos, String explained) {
    }

    private Started startApplication(String... profiles) {
        List<String> args = new ArrayList<>(List.of(common(DATABASE, "benchmarkApplication")));
        if (!List.of(profiles).contains("demo")) {
            // Production has no default administrator password (AdminPasswordGuard); the admin user exists since the first start.
            args.add("--camunda.bpm.admin-user.password=Benchmark-Admin-Password-1");
        }
        long deploymentsBefore = deployments();
        BufferingApplicationStartup steps = new BufferingApplicationStartup(STARTUP_STEPS);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CmsPartnershipsApplication.class)
                .profiles(profiles).initializers(PageSession.LOGIN).applicationStartup(steps).run(args.toArray(String[]::new));
        long took = System.nanoTime() - start;
        // The consistency check runs after ready on a thread of its own: waited for here, so that it does not
        // overlap the next measurement, and reported.
        ConsistencyCheck.Report check = context.getBean(ConsistencyCheck.class).awaitAtStart(Duration.ofMinutes(10));
        double checkSeconds = (System.nanoTime() - start - took) / 1e9;
        String explained = explainStart(context, steps, took) + "; deployments made: %d; after ready, consistency check %.1f s (%s findings)"
                .formatted(deployments() - deploymentsBefore, checkSeconds, check == null ? "no" : check.findings().size());
        return new Started(context, took, explained);
    }

    /**
     * The bare starter: none of the application's configuration files, no auto-deployment of our models, no Flyway.
     * The administrator password only satisfies the application's AdminPasswordGuard (an EnvironmentPostProcessor
     * on the shared classpath); without an admin-user id the starter creates no user from it.
     */
    private Started startBare() {
        List<String> args = new ArrayList<>(List.of(common(BARE_DATABASE, "benchmarkBare")));
        args.addAll(List.of("--spring.config.name=bare-starter", "--camunda.bpm.auto-deployment-enabled=false",
                "--spring.flyway.enabled=false",
                "--camunda.bpm.admin-user.password=Not-Used-By-The-Bare-Starter-1"));
        BufferingApplicationStartup steps = new BufferingApplicationStartup(STARTUP_STEPS);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BareStarterApplication.class)
                .applicationStartup(steps).run(args.toArray(String[]::new));
        long took = System.nanoTime() - start;
        return new Started(context, took, explainStart(context, steps, took));
    }

    static final int STARTUP_STEPS = 100_000;

    /**
     * Where a start's time went, from Spring's start-up steps (the same as /actuator/startup shows): each
     * step's own time (its duration less its sub-steps'), summed by what did it, in seconds. "engine" is
     * the process engine and the Camunda beans (MyBatis mappings, schema check, auto-deployment with
     * duplicate filtering, the REST API's Jersey set-up);
     * "context" the configuration classes (component scan, auto-configuration conditions); "our beans" the
     * org.cms.partnerships beans; cms.* the application's own start-up work (IdentitySetup, the demo data,
     * the proposal form's partners); "runners and ready listeners" the rest of Spring Boot's started-to-ready
     * phase; "outside steps" what no step covers (SpringApplication's own set-up, logging, banner).
     */
    private static String explainStart(ConfigurableApplicationContext context, BufferingApplicationStartup steps, long nanos) {
        List<StartupTimeline.TimelineEvent> events = steps.getBufferedTimeline().getEvents();
        Map<Long, Long> children = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, e.getDuration().toNanos(), Long::sum);
            }
        }
        Map<String, Long> byWhat = new LinkedHashMap<>();
        for (String what : List.of("engine", "context", "Flyway", "web server", "our beans", "other beans")) {
            byWhat.put(what, 0L);
        }
        long roots = 0;
        List<String> cmsTags = new ArrayList<>();
        for (StartupTimeline.TimelineEvent e : events) {
            StartupStep step = e.getStartupStep();
            long self = e.getDuration().toNanos() - children.getOrDefault(step.getId(), 0L);
            if (step.getParentId() == null) {
                roots += e.getDuration().toNanos();
            }
            byWhat.merge(whatDid(context, step), self, Long::sum);
            if (step.getName().startsWith("cms.")) {
                step.getTags().forEach(t -> cmsTags.add(step.getName() + " " + t.getKey() + "=" + t.getValue()));
            }
        }
        byWhat.put("outside steps", nanos - roots);
        // The slowest single steps by their own time: where to look next.
        List<String> slowest = events.stream()
                .sorted(java.util.Comparator.comparingLong((StartupTimeline.TimelineEvent e) ->
                        e.getDuration().toNanos() - children.getOrDefault(e.getStartupStep().getId(), 0L)).reversed())
                .limit(6)
                .map(e -> "%s %.2f".formatted(stepName(e.getStartupStep()),
                        (e.getDuration().toNanos() - children.getOrDefault(e.getStartupStep().getId(), 0L)) / 1e9))
                .toList();
        StringBuilder text = new StringBuilder("ready in %.1f s:".formatted(nanos / 1e9));
        byWhat.forEach((what, self) -> {
            if (self >= 50_000_000L) {
                text.append(" %s %.1f,".formatted(what, self / 1e9));
            }
        });
        text.setLength(text.length() - 1);
        if (!cmsTags.isEmpty()) {
            text.append(" (").append(String.join(", ", cmsTags)).append(")");
        }
        text.append("; slowest steps: ").append(String.join(", ", slowest));
        return text.toString();
    }

    private static String stepName(StartupStep step) {
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                return tag.getValue();
            }
        }
        return step.getName();
    }

    private static String whatDid(ConfigurableApplicationContext context, StartupStep step) {
        String name = step.getName();
        if (name.startsWith("cms.")) {
            return name;
        }
        if (name.startsWith("spring.boot.webserver")) {
            return "web server";
        }
        if (name.startsWith("spring.boot.application.ready") || name.startsWith("spring.boot.application.started")) {
            return "runners and ready listeners";
        }
        if (!name.equals("spring.beans.instantiate")) {
            return name.startsWith("spring.context") ? "context" : "Spring Boot set-up";
        }
        String bean = null;
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                bean = tag.getValue();
            }
        }
        if (bean == null) {
            return "other beans";
        }
        Class<?> type = context.getBeanFactory().containsBean(bean) ? context.getBeanFactory().getType(bean, false) : null;
        String of = type == null ? bean : type.getName();
        if (bean.startsWith("processEngine") || of.startsWith("org.camunda")) {
            // The engine is built where it is first needed: in the factory bean or in a bean that takes a service.
            return "engine";
        }
        if (of.startsWith("org.flywaydb") || bean.startsWith("flyway")) {
            return "Flyway";
        }
        return of.startsWith("org.cms.partnerships") ? "our beans" : "other beans";
    }

    private long deployments() {
        try {
            return scalar("SELECT count(*) FROM act_re_deployment");
        } catch (SQLException e) {
            // Before the first start there is no engine schema.
            return 0;
        }
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

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static String turns(List<Long> application, List<Long> bare) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < application.size(); i++) {
            text.append(i == 0 ? "" : ", ").append("%.1f/%.1f s (%.2f)".formatted(application.get(i) / 1e9,
                    bare.get(i) / 1e9, (double) application.get(i) / bare.get(i)));
        }
        return text.toString();
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
