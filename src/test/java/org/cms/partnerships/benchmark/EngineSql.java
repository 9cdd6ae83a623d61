package org.cms.partnerships.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The SQL a call sends, as the engine (MyBatis) and the register (Spring's JdbcTemplate) log it: each
 * statement with {@code ?} and its parameters, the parameters written in as literals, so that the benchmark
 * can EXPLAIN what PostgreSQL receives for a page or a Tasklist filter (authorization checks included). The
 * statement logs are switched on for the call only; a page requested over HTTP is captured too (the
 * server's thread logs to the same loggers).
 */
final class EngineSql {

    /** Camunda's MyBatis statements are named after the entities' package (TaskEntity.selectTaskByQueryCriteria ...). */
    private static final String MAPPERS = "org.camunda.bpm.engine.impl.persistence.entity";
    /** JdbcTemplate logs the statement (DEBUG), StatementCreatorUtils each parameter (TRACE). */
    private static final String JDBC = "org.springframework.jdbc.core";
    private static final Pattern MYBATIS_PARAMETER = Pattern.compile("(null|.*?\\((\\w+)\\))(?:, |$)");
    private static final Pattern JDBC_STATEMENT = Pattern.compile("Executing prepared SQL (?:query|statement) \\[(.*)\\]",
            Pattern.DOTALL);
    private static final Pattern JDBC_PARAMETER = Pattern.compile(
            "Setting SQL statement parameter value: column index \\d+, parameter value \\[(.*)\\], value class \\[([^\\]]*)\\].*",
            Pattern.DOTALL);

    /** One statement: where it comes from (the engine's statement id, or "register") and the SQL with its parameters. */
    record Statement(String id, String template, String sql) {
    }

    private EngineSql() {
    }

    static List<Statement> capture(Runnable call) {
        Logger engine = (Logger) LoggerFactory.getLogger(MAPPERS);
        Logger jdbc = (Logger) LoggerFactory.getLogger(JDBC);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level engineLevel = engine.getLevel();
        Level jdbcLevel = jdbc.getLevel();
        boolean engineAdditive = engine.isAdditive();
        boolean jdbcAdditive = jdbc.isAdditive();
        for (Logger logger : List.of(engine, jdbc)) {
            logger.addAppender(appender);
            logger.setAdditive(false);
        }
        engine.setLevel(Level.DEBUG);
        jdbc.setLevel(Level.TRACE);
        try {
            call.run();
        } finally {
            engine.setLevel(engineLevel);
            jdbc.setLevel(jdbcLevel);
            engine.setAdditive(engineAdditive);
            jdbc.setAdditive(jdbcAdditive);
            engine.detachAppender(appender);
            jdbc.detachAppender(appender);
        }
        List<Statement> statements = new ArrayList<>();
        String id = null;
        String sql = null;
        List<String> literals = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            Matcher statement = JDBC_STATEMENT.matcher(message);
            Matcher parameter = JDBC_PARAMETER.matcher(message);
            if (message.startsWith("==>  Preparing: ")) {
                id = event.getLoggerName().substring(MAPPERS.length() + 1);
                sql = message.substring("==>  Preparing: ".length());
            } else if (message.startsWith("==> Parameters: ") && sql != null) {
                String template = sql;
                statements.add(new Statement(id, template, inline(template, mybatis(message.substring("==> Parameters: ".length())))));
                sql = null;
            } else if (statement.matches()) {
                flush(statements, sql, literals);
                id = "register";
                sql = statement.group(1).replaceAll("\\s+", " ").trim();
                literals = new ArrayList<>();
            } else if (parameter.matches() && "register".equals(id) && sql != null) {
                literals.add(jdbcLiteral(parameter.group(1), parameter.group(2)));
            }
        }
        flush(statements, "register".equals(id) ? sql : null, literals);
        return statements;
    }

    private static void flush(List<Statement> statements, String sql, List<String> literals) {
        if (sql != null) {
            statements.add(new Statement("register", sql, inline(sql, literals)));
        }
    }

    /** MyBatis' parameter line ("oliver(String), 15(Integer), null") as SQL literals. */
    private static List<String> mybatis(String parameters) {
        List<String> literals = new ArrayList<>();
        Matcher m = MYBATIS_PARAMETER.matcher(parameters);
        while (m.find() && !m.group(0).isEmpty()) {
            String value = m.group(1);
            if (value.equals("null")) {
                literals.add("NULL");
                continue;
            }
            String type = m.group(2);
            String raw = value.substring(0, value.length() - type.length() - 2);
            literals.add(switch (type) {
                case "Integer", "Long", "Short", "Boolean", "Double", "BigDecimal" -> raw;
                case "Timestamp" -> "TIMESTAMP '" + raw + "'";
                case "Date" -> "TIMESTAMP '" + utilDate(raw) + "'";
                default -> quote(raw);
            });
        }
        return literals;
    }

    /** A parameter as StatementCreatorUtils logs it (value and its class) as an SQL literal. */
    private static String jdbcLiteral(String value, String type) {
        return switch (type) {
            case "null" -> "NULL";
            case "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Boolean", "java.lang.Double",
                 "java.math.BigDecimal" -> value;
            case "java.sql.Timestamp" -> "TIMESTAMP '" + value + "'";
            case "java.sql.Date" -> "DATE '" + value + "'";
            default -> quote(value);
        };
    }

    private static String quote(String raw) {
        return "'" + raw.replace("'", "''") + "'";
    }

    /** java.util.Date as MyBatis logs it (its toString) as a timestamp literal. */
    private static String utilDate(String logged) {
        try {
            java.util.Date date = new java.text.SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", java.util.Locale.ROOT).parse(logged);
            return new java.sql.Timestamp(date.getTime()).toString();
        } catch (java.text.ParseException e) {
            return logged;
        }
    }

    /** The statement with each {@code ?} replaced by its parameter as an SQL literal. */
    static String inline(String sql, List<String> literals) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' && next < literals.size() ? literals.get(next++) : String.valueOf(c));
        }
        return out.toString();
    }
}
