package vn.thidua.query.support;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which database a JdbcTemplate talks to, asked once, for the few statements PostgreSQL and H2 (the embedded
 * default) spell differently.
 */
public final class DatabaseKind {
    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public DatabaseKind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c ->
                    c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }
}
