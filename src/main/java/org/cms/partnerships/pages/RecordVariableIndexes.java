package org.cms.partnerships.pages;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, two small indexes on the engine's variable tables for the register pages' question "which
 * processes work on this record?" ({@link EngineWork#openTasks}, {@link EngineWork#instances}): the engine
 * asks for tasks and historic instances with a variable named after a record (agreementReference, ...)
 * equal to a reference, and without an index on the value PostgreSQL reads every running variable and every
 * historic variable of that name, so the page grows with the running processes and with the history.
 *
 * <p>Each index holds only the rows of the four record variables (a partial index; the engine's other
 * variables are not indexed, so their writes cost nothing more) and is a hash index on TEXT_, which serves
 * the equality the engine asks and has no length limit on the value. Created by the application after the
 * engine has made its schema (the engine owns those tables, so a Flyway script, which runs first on a fresh
 * database, cannot), {@code IF NOT EXISTS}, and made again when the set of record variables changes.
 * H2 (the demo) keeps scanning, which its size allows.
 */
@Component
public class RecordVariableIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(RecordVariableIndexes.class);
    static final String RUNTIME_INDEX = "cms_ix_ru_variable_record";
    static final String HISTORY_INDEX = "cms_ix_hi_varinst_record";

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        String names = ProcessVariable.names(EngineWork.SUBJECT_VARIABLES).stream().map(n -> "'" + n + "'")
                .collect(Collectors.joining(", "));
        ensure(configuration.getDataSource(), RUNTIME_INDEX, prefix + "ACT_RU_VARIABLE", names);
        ensure(configuration.getDataSource(), HISTORY_INDEX, prefix + "ACT_HI_VARINST", names);
    }

    /** Creates the index, or makes it again when its variable names are not those of the code (a variable added). */
    static void ensure(DataSource dataSource, String index, String table, String names) {
        List<String> wanted = List.of(names.split(", "));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            String existing = null;
            try (ResultSet found = sql.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = '" + index + "'")) {
                if (found.next()) {
                    existing = found.getString(1);
                }
            }
            if (existing != null && wanted.stream().allMatch(existing::contains)
                    && existing.split("'::").length - 1 == wanted.size()) {
                return;
            }
            if (existing != null) {
                sql.execute("DROP INDEX IF EXISTS " + index);
            }
            sql.execute("CREATE INDEX IF NOT EXISTS " + index + " ON " + table + " USING hash (TEXT_) WHERE NAME_ IN (" + names + ")");
            log.info("Index {} on {} for the variables {}", index, table, names);
        } catch (SQLException e) {
            // Another node may be creating it at the same moment; the pages work without it, only slower.
            log.warn("Could not create index {} on {}: {}", index, table, e.getMessage());
        }
    }
}
