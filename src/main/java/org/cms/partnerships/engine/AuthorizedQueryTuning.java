package org.cms.partnerships.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the planner see how many grants an authorized query joins, so that Tasklist's group
 * filters and the register pages' task queries stay fast with thousands of open tasks.
 *
 * <p>Why: with authorization on, every task query joins {@code ACT_RU_AUTHORIZATION} on
 * {@code RESOURCE_ID_ IN (task id, definition key, '*')} and filters the grants by {@code PERMS_ & ? = ?}.
 * Camunda grants each candidate group every task it is offered, so a partnership officer matches one grant
 * per open task (1,853 at the benchmark's scale). PostgreSQL has no statistics for a bit test and guesses one
 * matching grant, so it compares every task with every grant in a nested loop: 3.4 million comparisons, 300 ms
 * for "My group's tasks". Two changes together make it an index look-up per task (18 ms):
 * <ul>
 *   <li><b>Statistics on the bit tests</b>: one expression statistic {@code (PERMS_ & bit)} per permission bit
 *   Camunda defines, created after the engine made its schema (the engine owns the table; a Flyway script runs
 *   before it on a fresh database) and kept by autovacuum's ANALYZE as grants come and go.</li>
 *   <li><b>Custom plans for authorized queries</b>: the engine binds the bits as parameters, and after five runs
 *   of the same statement on a connection PostgreSQL switches to a generic plan, planned without the values and
 *   so without the statistics (the 300 ms plan again). Each query command with an authorization check (a query,
 *   or a Tasklist filter run) sets {@code plan_cache_mode = force_custom_plan} for its own transaction
 *   ({@code SET LOCAL}), so those statements are planned with their values.</li>
 * </ul>
 * <i>Cost</i>: one {@code SET LOCAL} round trip per authorized query command, and its statements planned each
 * time (a fraction of a millisecond); writes and unauthorized queries (delegates, jobs) are untouched. Results
 * are the same: statistics and plans change how PostgreSQL finds the rows, never which rows. The custom plans need
 * PostgreSQL 12 or later ({@code plan_cache_mode}); an older server keeps the statistics only, with a warning at
 * start. H2 (the demo) is left as it is.
 */
@Component
public class AuthorizedQueryTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(AuthorizedQueryTuning.class);
    static final String STATISTICS_PREFIX = "cms_st_auth_perms_";

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new CustomPlansForAuthorizedQueries(configuration, this));
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
    }

    /** PostgreSQL 12 or later (plan_cache_mode came with 12); until the engine is built, no. */
    private volatile boolean customPlansAvailable;

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (isPostgres(configuration)) {
            String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
            ensureStatistics(configuration.getDataSource(), prefix + "ACT_RU_AUTHORIZATION");
            customPlansAvailable = serverVersion(configuration.getDataSource()) >= 120000;
            if (!customPlansAvailable) {
                log.warn("PostgreSQL before 12 has no plan_cache_mode: authorized queries keep PostgreSQL's own plan choice");
            }
        }
    }

    private static int serverVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             var result = sql.executeQuery("SHOW server_version_num")) {
            result.next();
            return Integer.parseInt(result.getString(1).trim());
        } catch (SQLException | NumberFormatException e) {
            log.warn("Could not read PostgreSQL's version: {}", e.getMessage());
            return 0;
        }
    }

    /** Every single bit a Camunda permission of any resource uses (READ 2, READ_TASK 64, ...). */
    static SortedSet<Integer> permissionBits() {
        SortedSet<Integer> bits = new TreeSet<>();
        for (Class<? extends Enum<? extends Permission>> type : ResourceTypeUtil.getPermissionEnums().values()) {
            for (Enum<? extends Permission> constant : type.getEnumConstants()) {
                int value = ((Permission) constant).getValue();
                if (Integer.bitCount(value) == 1) {
                    bits.add(value);
                }
            }
        }
        return bits;
    }

    static void ensureStatistics(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (int bit : permissionBits()) {
                sql.execute("CREATE STATISTICS IF NOT EXISTS " + STATISTICS_PREFIX + bit + " ON (PERMS_ & " + bit + ") FROM " + table);
            }
            // Fill them now; autovacuum keeps them as the grants change.
            sql.execute("ANALYZE " + table);
        } catch (SQLException e) {
            // Another node may be creating them at the same moment; queries work without them, only slower.
            log.warn("Could not create the statistics on {}: {}", table, e.getMessage());
        }
    }

    private static boolean isPostgres(ProcessEngineConfigurationImpl configuration) {
        return "postgres".equals(configuration.getDatabaseType());
    }

    /** Sets custom plans for the transaction of a query command that checks authorizations (see the class comment). */
    static final class CustomPlansForAuthorizedQueries extends CommandInterceptor {

        private static final List<Class<?>> FILTER_RUNS = Arrays.asList(ExecuteFilterCountCmd.class,
                ExecuteFilterListCmd.class, ExecuteFilterListPageCmd.class, ExecuteFilterSingleResultCmd.class);

        private final ProcessEngineConfigurationImpl configuration;
        private final AuthorizedQueryTuning tuning;

        CustomPlansForAuthorizedQueries(ProcessEngineConfigurationImpl configuration, AuthorizedQueryTuning tuning) {
            this.configuration = configuration;
            this.tuning = tuning;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (tuning.customPlansAvailable && isQuery(command) && checksAuthorizations(Context.getCommandContext())) {
                try (Statement sql = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection().createStatement()) {
                    sql.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                } catch (SQLException e) {
                    // A technical failure of the database: the query would fail the same way.
                    throw new IllegalStateException("Could not prepare the query's transaction: " + e.getMessage(), e);
                }
            }
            return next.execute(command);
        }

        private static boolean isQuery(Command<?> command) {
            return command instanceof AbstractQuery || FILTER_RUNS.contains(command.getClass());
        }

        private boolean checksAuthorizations(CommandContext context) {
            return context != null && configuration.isAuthorizationEnabled() && context.isAuthorizationCheckEnabled()
                    && context.getAuthentication() != null && context.getAuthentication().getUserId() != null;
        }
    }
}
