package org.cms.partnerships.notification;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification log's own small connection pool, on the application's database.
 *
 * <p>An e-mail job holds one connection of the main pool (the engine's transaction) and records each
 * recipient's outcome in a transaction of its own, so that the record survives the job's rollback.
 * Taken from the main pool, that second connection starved it once: ten e-mail jobs each held a
 * connection and waited for a second ({@code active=10, waiting=14}), and HTTP requests got 500s.
 * From this pool nobody who holds one of its connections ever waits for another one: a job that holds
 * a main connection waits here at most for one short write, and the main pool only ever serves one
 * connection per thread. Deliberately not a {@code DataSource} bean, so the application's own data
 * source, its health check and metrics stay as Spring Boot makes them.
 */
@Component
public class NotificationLogPool implements DisposableBean {

    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;

    public NotificationLogPool(DataSourceProperties properties,
                               @Value("${cms.notification-log.pool-size:4}") int poolSize) {
        dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("notification-log");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setMinimumIdle(1);
        dataSource.setAutoCommit(true);
        jdbc = JdbcClient.create(dataSource);
    }

    /** Auto-committing connections: each statement is a transaction of its own, whatever the caller's. */
    JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
