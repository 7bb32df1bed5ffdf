package vn.thidua.web.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** How many rows a table holds, read straight from the database: to check what a request stored, or did not. */
public final class Rows {
    private Rows() {
    }

    public static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }
}
