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
 * The SQL the engine sends for a call, as MyBatis logs it (statement with {@code ?} and its
 * parameters), with the parameters written in, so that the benchmark can EXPLAIN the engine's own
 * queries (Tasklist filters, a record's tasks and instances) as PostgreSQL receives them, authorization
 * checks included. The statement log is switched on for the call only.
 */
final class EngineSql {

    /** Camunda's MyBatis statements are named after the entities' package (TaskEntity.selectTaskByQueryCriteria ...). */
    private static final String MAPPERS = "org.camunda.bpm.engine.impl.persistence.entity";
    private static final Pattern PARAMETER = Pattern.compile("(null|.*?\\((\\w+)\\))(?:, |$)");

    /** One statement the call sent: the mapper's statement id and the SQL with its parameters. */
    record Statement(String id, String sql) {
    }

    private EngineSql() {
    }

    static List<Statement> capture(Runnable call) {
        Logger logger = (Logger) LoggerFactory.getLogger(MAPPERS);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        boolean additive = logger.isAdditive();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        try {
            call.run();
        } finally {
            logger.setLevel(level);
            logger.setAdditive(additive);
            logger.detachAppender(appender);
        }
        List<Statement> statements = new ArrayList<>();
        String id = null;
        String sql = null;
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            if (message.startsWith("==>  Preparing: ")) {
                id = event.getLoggerName().substring(MAPPERS.length() + 1);
                sql = message.substring("==>  Preparing: ".length());
            } else if (message.startsWith("==> Parameters: ") && sql != null) {
                statements.add(new Statement(id, inline(sql, message.substring("==> Parameters: ".length()))));
                sql = null;
            }
        }
        return statements;
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
    static String inline(String sql, String parameters) {
        List<String> literals = new ArrayList<>();
        Matcher m = PARAMETER.matcher(parameters);
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
                default -> "'" + raw.replace("'", "''") + "'";
            });
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' && next < literals.size() ? literals.get(next++) : String.valueOf(c));
        }
        return out.toString();
    }
}
