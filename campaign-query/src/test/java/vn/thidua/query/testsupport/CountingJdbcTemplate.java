package vn.thidua.query.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.concurrent.atomic.AtomicInteger;

/** A JdbcTemplate on the same database that counts the statements reading an event's position. */
public final class CountingJdbcTemplate extends JdbcTemplate {
    private final AtomicInteger positionQueries = new AtomicInteger();

    public CountingJdbcTemplate(JdbcTemplate delegate) {
        super(delegate.getDataSource());
    }

    public int positionQueries() {
        return positionQueries.get();
    }

    @Override
    public void query(String sql, RowCallbackHandler rch, Object... args) {
        count(sql);
        super.query(sql, rch, args);
    }

    @Override
    public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
        count(sql);
        return super.queryForObject(sql, requiredType, args);
    }

    private void count(String sql) {
        if (sql.startsWith("SELECT") && sql.contains("global_index") && sql.contains("event_identifier")) {
            positionQueries.incrementAndGet();
        }
    }
}
