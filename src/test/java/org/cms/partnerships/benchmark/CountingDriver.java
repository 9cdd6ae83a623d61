package org.cms.partnerships.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:counting:postgresql://...} that hands out PostgreSQL connections and
 * counts, per database, the calls that each cost one round trip to the server: a statement executed, a
 * batch executed, a commit, a rollback (by SQL text, shortened). The benchmark's lifecycle section uses
 * it, when the server is given as {@code -Dcms.test.postgres=jdbc:counting:postgresql://127.0.0.1:5432/},
 * to print the round trips of each step on both sides: where the time goes, not only how much.
 */
public final class CountingDriver implements Driver {

    static final String PREFIX = "jdbc:counting:";
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final Map<String, Map<String, LongAdder>> COUNTS = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Loads the driver (its registration); whether the benchmark's server URL asks for counting. */
    static boolean active(String server) {
        return server.startsWith(PREFIX);
    }

    /** Round trips so far to {@code database}, by statement. */
    static Map<String, Long> snapshot(String database) {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.getOrDefault(database, Map.of()).forEach((sql, n) -> copy.put(sql, n.sum()));
        return copy;
    }

    /** What was counted between two snapshots, by statement (only those that ran). */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((sql, n) -> {
            long d = n - before.getOrDefault(sql, 0L);
            if (d > 0) {
                difference.put(sql, d);
            }
        });
        return difference;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String real = "jdbc:" + url.substring(PREFIX.length());
        String path = real.substring(real.indexOf("//") + 2);
        int slash = path.indexOf('/');
        String database = slash < 0 ? "" : path.substring(slash + 1).replaceAll("[?;].*", "");
        Connection connection = DriverManager.getConnection(real, info);
        Map<String, LongAdder> counts = COUNTS.computeIfAbsent(database, d -> new ConcurrentHashMap<>());
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new Counting(connection, counts, null));
    }

    /** Counts on a connection (commit, rollback) and on the statements it makes (executions by SQL). */
    private record Counting(Object target, Map<String, LongAdder> counts, String sql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (target instanceof Connection && (name.equals("commit") || name.equals("rollback"))) {
                count(name.toUpperCase());
            } else if (target instanceof Statement && EXECUTE.contains(name)) {
                String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                count((name.contains("Batch") ? "[batch] " : "") + text);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (target instanceof Connection && result instanceof Statement statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                String text = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                        new Counting(statement, counts, text));
            }
            return result;
        }

        private void count(String text) {
            String flat = text.replaceAll("\\s+", " ").trim();
            counts.computeIfAbsent(flat.length() > 110 ? flat.substring(0, 110) : flat, k -> new LongAdder()).increment();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
