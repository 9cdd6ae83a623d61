package org.cms.partnerships.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.CmsPartnershipsApplication;
import org.cms.partnerships.agreement.suspension.SuspensionProcess;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.pages.EngineWork;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementSort;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.operations.ConsistencyCheck;
import org.cms.partnerships.register.PartnerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application on a real PostgreSQL (127.0.0.1:5432, user postgres; .ci/run makes sure it runs):
 * Flyway migrates, the demo register loads once across two starts, and a process runs.
 * Each run starts from a fresh database of its own.
 */
class PostgresIntegrationTest {

    static final String SERVER = System.getProperty("cms.test.postgres",
            System.getenv().getOrDefault("CMS_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/"));
    /** One database per run (the process id), so that two checkouts can run the suite side by side. */
    static final String DATABASE = "cms_partnerships_it_" + ProcessHandle.current().pid();

    @BeforeAll
    static void freshDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void migratesLoadsTheDemoRegisterOnceAndRunsProcessesOnPostgres() {
        String instanceId;
        String planInstanceId;
        long deployments;
        long grants;
        long filters;
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version = '1'").query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(app.getBean(PartnerService.class).count()).isEqualTo(46);
            AgreementService agreements = app.getBean(AgreementService.class);
            assertThat(agreements.count()).isEqualTo(37);
            assertThat(agreements.get("CMS-NOAA-2013").supersedes()).isEqualTo("CMS-NOAA-2008");
            registerReadsUseThePostgresIndexes(app);
            authorizedQueriesArePlannedWithTheirValues(app);

            String suspension = app.getBean(SuspensionProcess.class)
                    .requestSuspension("CMS-GNF", "PARTNER_REVIEW", "Global Nature Fund reviews its partnerships");
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(SuspensionProcess.KEY).processInstanceBusinessKey(suspension).singleResult();
            var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            engine.getTaskService().complete(task.getId(), ProcessValues.of(
                    SuspensionProcess.EXECUTIVE_DECISION, SuspensionProcess.Decision.SUSPEND)
                    .and(SuspensionProcess.EXECUTIVE_COMMENT, "Until the review ends").asMap());
            assertThat(agreements.get("CMS-GNF").status()).isEqualTo(AgreementStatus.SUSPENDED);
            instanceId = instance.getId();

            // The real 2012-2014 plan: its activity list in a process variable, V5's comments table.
            ProcessInstance plan = engine.getRuntimeService().startProcessInstanceByKey(WorkPlanProcess.KEY,
                    ProcessValues.of(WorkPlanProcess.REFERENCE, "JWP-CMS-CITES-2012-2014").asMap());
            var draft = engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).singleResult();
            engine.getTaskService().complete(draft.getId(), ProcessValues.of(
                    WorkPlanProcess.ACTIVITY_LINES, "D5 | 2013 | Joint side event at CITES CoP16 | no | Joint\n"
                            + "D3 | 2013 | Share experience about InforMEA at a joint webinar | no\nD2 | remove")
                    .and(WorkPlanProcess.COMMENT_DEADLINE, java.time.LocalDate.now().plusDays(30)).asMap());
            WorkPlanService workPlans = app.getBean(WorkPlanService.class);
            assertThat(workPlans.get("JWP-CMS-CITES-2012-2014").status()).isEqualTo(WorkPlanStatus.IN_CONSULTATION);
            assertThat(workPlans.activities("JWP-CMS-CITES-2012-2014")).hasSize(31);
            assertThat(workPlans.activity("JWP-CMS-CITES-2012-2014", "D3").timeframe()).isEqualTo("2013");
            assertThat(workPlans.activity("JWP-CMS-CITES-2012-2014", "D3").heading()).isEqualTo("Outreach and capacity building");
            workPlans.addComment("JWP-CMS-CITES-2012-2014", "CONSULTATION", "CITES", "oliver", "Comments kept on PostgreSQL");
            planInstanceId = plan.getId();
            historiesKnowWhenEachChangeWasSuperseded(jdbc);
            // IOTC's draft and the CMS-CITES plan 2008-2011 were brought under process control by the demo loader.
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("CMS-IOTC-2015").count())
                    .isEqualTo(1);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey("JWP-CMS-CITES-2008-2011").count()).isEqualTo(1);
            deployments = engine.getRepositoryService().createDeploymentQuery().count();
            grants = engine.getAuthorizationService().createAuthorizationQuery().count();
            filters = engine.getFilterService().createFilterQuery().count();
        }

        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(PartnerService.class).count()).isEqualTo(46);
            assertThat(app.getBean(AgreementService.class).count()).isEqualTo(37);
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
                    .as("the suspended agreement still waits for reinstatement after a restart").isEqualTo(1);
            assertThat(app.getBean(AgreementService.class).history("CMS-GNF")).last()
                    .extracting(h -> h.toStatus()).isEqualTo(AgreementStatus.SUSPENDED);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(planInstanceId).count())
                    .as("the 2012-2014 plan is still in consultation after a restart").isEqualTo(1);
            assertThat(app.getBean(WorkPlanService.class).comments("JWP-CMS-CITES-2012-2014"))
                    .extracting(WorkPlanService.Comment::text).containsExactly("Comments kept on PostgreSQL");
            // A restart with unchanged models, forms and partners deploys nothing; the identity set-up adds nothing;
            // nothing is brought under process control twice; the consistency check runs after ready.
            assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(grants);
            assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("CMS-IOTC-2015").count())
                    .isEqualTo(1);
            ConsistencyCheck.Report check = app.getBean(ConsistencyCheck.class).awaitAtStart(java.time.Duration.ofMinutes(1));
            assertThat(check).isNotNull();
            assertThat(check.agreements()).isEqualTo(37);

            // Issue 13, PostgreSQL only: the log's expression index (db/vendor/postgresql) and the engine's
            // record-variable indexes (RecordVariableIndexes, kept across starts); the pages find a record's work.
            assertThat(app.getBean(JdbcClient.class).sql("SELECT indexname FROM pg_indexes WHERE indexname IN "
                    + "('ix_notification_recipient', 'cms_ix_ru_variable_record', 'cms_ix_hi_varinst_record')")
                    .query(String.class).list()).hasSize(3);
            EngineWork work = app.getBean(EngineWork.class);
            assertThat(work.openTasks("CMS-IOTC-2015")).extracting(EngineWork.OpenTask::businessKey).contains("CMS-IOTC-2015");
            assertThat(work.instances("JWP-CMS-CITES-2012-2014")).extracting(EngineWork.Instance::id).contains(planInstanceId);
        }
    }

    @Test
    void outsideTheDemoThereAreNoDemoUsersAndPasswordsMustFollowThePolicy() throws SQLException {
        freshDatabase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CmsPartnershipsApplication.class)
                .profiles("postgres")
                .run("--server.port=0", "--spring.datasource.url=" + SERVER + DATABASE,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--camunda.bpm.admin-user.password=Bonn-Convention-1979!",
                        "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.webapp.enabled=false",
                        "--spring.autoconfigure.exclude=" + ProcessEngineCoverageConfiguration.class.getName(),
                        "--camunda.bpm.process-engine-name=postgresProduction")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            var identity = engine.getIdentityService();
            assertThat(identity.createUserQuery().userId("admin").count()).isEqualTo(1);
            assertThat(identity.createUserQuery().userId("oliver").count()).isZero();
            assertThat(app.getBean(PartnerService.class).count()).isZero();
            assertThat(identity.createGroupQuery().groupId("partnership-officers").count()).isEqualTo(1);
            var weak = identity.newUser("weakling");
            weak.setPassword("oliver");
            assertThatThrownBy(() -> identity.saveUser(weak))
                    .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                    .hasMessageContaining("Password does not match policy");
        }
    }

    @Test
    void refusesToStartWithoutAnAdministratorPasswordOutsideTheDemo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CmsPartnershipsApplication.class)
                .profiles("postgres")
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + SERVER + DATABASE, "--camunda.bpm.admin-user.password="))
                .hasMessageContaining("No administrator password is configured")
                .hasMessageContaining("CMS_ADMIN_PASSWORD");
    }

    /**
     * Issue 13: the PostgreSQL-only migration (db/vendor/postgresql, after the portable ones) ran, the
     * register's reads find on PostgreSQL what the Java rules find, and each hot read can be served by its
     * index: with sequential and plain index scans off, the plan of the query as AgreementService sends it names the index
     * (an expression that differs from the index's by one character would leave it unused).
     */
    /**
     * AuthorizedQueryTuning: statistics on the grants' permission bits exist, and a query command that checks
     * authorizations runs its transaction with custom plans, which end with it (the pooled connection is back
     * to PostgreSQL's default for the next transaction); a query without a user is left alone.
     */
    private static void authorizedQueriesArePlannedWithTheirValues(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'cms_st_auth_perms_%'")
                .query(String.class).list())
                .as("READ (2) on tasks and READ_TASK (64) on definitions are the bits Tasklist's queries test")
                .contains("cms_st_auth_perms_2", "cms_st_auth_perms_64").hasSizeGreaterThan(10);
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        var executor = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
        assertThat(new PlanCacheModeQuery(executor).list()).containsExactly("auto");
        engine.getIdentityService().setAuthentication("oliver", List.of(Groups.PARTNERSHIP_OFFICERS));
        try {
            assertThat(new PlanCacheModeQuery(executor).list()).containsExactly("force_custom_plan");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        for (int i = 0; i < 12; i++) {
            assertThat(new PlanCacheModeQuery(executor).list()).as("SET LOCAL ends with its transaction").containsExactly("auto");
        }
    }

    /** A query command that answers the plan cache mode of its own transaction. */
    static final class PlanCacheModeQuery extends AbstractQuery<PlanCacheModeQuery, String> {

        PlanCacheModeQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext context) {
            return executeList(context, null).size();
        }

        @Override
        public List<String> executeList(CommandContext context, Page page) {
            try (Statement sql = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
                 var result = sql.executeQuery("SHOW plan_cache_mode")) {
                result.next();
                return List.of(result.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void registerReadsUseThePostgresIndexes(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")
                .query(String.class).list()).containsSubsequence("14.1", "15.1", "15.2", "20.1");
        AgreementService agreements = app.getBean(AgreementService.class);
        List<Agreement> all = agreements.search(AgreementFilter.all());
        for (String key : List.of("aewa", "eurobats", "ascobans")) {
            assertThat(agreements.search(AgreementFilter.all().naming(Set.of(key)))).as(key).isNotEmpty()
                    .containsExactlyElementsOf(all.stream().filter(a -> a.familyInstruments() != null
                            && AgreementProcess.FAMILY_INSTRUMENTS.read(a.familyInstruments()).stream()
                            .map(Groups::secretariatKey).anyMatch(key::equals)).toList());
        }
        assertThat(agreements.search(new AgreementFilter(null, null, null, null, "Whaling"))).extracting(Agreement::reference)
                .containsExactlyElementsOf(all.stream().filter(a -> Stream.of(a.reference(), a.title(), a.scope(),
                        a.partnerName(), a.partnerAcronym()).anyMatch(v -> v != null && v.toUpperCase().contains("WHALING")))
                        .map(Agreement::reference).toList());
        assertThat(agreements.search(new AgreementFilter(null, null, null, "noaa", null))).hasSize(2);
        assertThat(agreements.page(AgreementFilter.all(), AgreementSort.TERM_ENDS, true, 30, 25).items()).hasSize(all.size() - 30);

        Map<String, AgreementService.Sql> queries = Map.of(
                "ix_agreement_text_trgm", agreements.countSql(new AgreementFilter(null, null, null, null, "whaling")),
                "ix_partner_text_trgm", agreements.countSql(new AgreementFilter(null, null, null, null, "oceanic")),
                "ix_partner_acronym_lower", agreements.countSql(new AgreementFilter(null, null, null, "noaa", null)),
                "ix_agreement_family_keys_trgm", agreements.countSql(AgreementFilter.all().naming(Set.of("eurobats"))));
        try (Connection connection = app.getBean(javax.sql.DataSource.class).getConnection();
             Statement settings = connection.createStatement()) {
            // On the demo's few rows any plan is cheap: only the bitmap scans an index can serve are left.
            settings.execute("SET enable_seqscan = off");
            settings.execute("SET enable_indexscan = off");
            for (var query : queries.entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (var explain = connection.prepareStatement("EXPLAIN " + query.getValue().sql())) {
                    for (int i = 0; i < query.getValue().params().size(); i++) {
                        explain.setObject(i + 1, query.getValue().params().get(i));
                    }
                    try (var rows = explain.executeQuery()) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                }
                assertThat(plan).as(query.getKey()).contains(query.getKey());
            }
            settings.execute("RESET enable_seqscan");
            settings.execute("RESET enable_indexscan");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issue 13: V20_1 filled superseded_at on PostgreSQL, and the changes the processes recorded since kept it
     * (StatusHistory): every history row is superseded at the date of the next change of its record, the
     * latest not at all (FactsService reads the status as at a date by it).
     */
    private static void historiesKnowWhenEachChangeWasSuperseded(JdbcClient jdbc) {
        for (String[] history : new String[][] {{"agreement_status_change", "agreement_id"},
                {"work_plan_status_change", "work_plan_id"}, {"activity_status_change", "activity_id"}}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM %s".formatted(history[0])).query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM %1$s h
                    WHERE h.superseded_at IS DISTINCT FROM (SELECT MIN(n.changed_at) FROM %1$s n WHERE n.%2$s = h.%2$s
                        AND (n.changed_at > h.changed_at OR (n.changed_at = h.changed_at AND n.id > h.id)))"""
                    .formatted(history[0], history[1])).query(Long.class).single()).as(history[0]).isZero();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CmsPartnershipsApplication.class)
                .profiles("postgres", "demo")
                // Command-line arguments: they win over application-postgres.yaml.
                .run("--server.port=0",
                        "--spring.datasource.url=" + SERVER + DATABASE,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--camunda.bpm.job-execution.enabled=false",
                        // The webapps keep static state per JVM; they belong to the H2 test context.
                        "--camunda.bpm.webapp.enabled=false",
                        // The coverage starter instruments every engine; this one is not a coverage run.
                        "--spring.autoconfigure.exclude=" + ProcessEngineCoverageConfiguration.class.getName(),
                        // Its own engine name, so it never replaces the H2 test context's default engine.
                        "--camunda.bpm.process-engine-name=postgresIntegration");
    }
}
