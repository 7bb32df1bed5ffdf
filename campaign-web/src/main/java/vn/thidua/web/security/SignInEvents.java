package vn.thidua.web.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of sign-in: every failed attempt and every lockout, in table {@code sign_in_event} (V9). A successful
 * sign-in is not recorded (HTTP Basic signs in on every API request); a throttled attempt is not recorded either,
 * only counted ({@code thidua.signin.throttled}): the lockout row says when it began, and an attacker hammering a
 * locked key must not cost a database write per request.
 */
@Component
public class SignInEvents {
    public enum Channel { API, FORM }

    public enum Outcome { FAILURE, LOCKOUT }

    public record Entry(long id, Instant at, String username, String address, Channel channel, Outcome outcome,
                        String detail) {
    }

    private static final int MAX_TEXT = 200;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SignInEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String username, String address, Channel channel, Outcome outcome, String detail) {
        jdbc.update("INSERT INTO sign_in_event (occurred_at, username, address, channel, outcome, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), clean(username),
                clean(address), channel.name(), outcome.name(), detail == null ? null : clean(detail));
    }

    /** Newest first; {@code username} and {@code outcome} filter when given. */
    public List<Entry> recent(String username, Outcome outcome, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM sign_in_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            sql.append(" AND username = ?");
            args.add(clean(username));
        }
        if (outcome != null) {
            sql.append(" AND outcome = ?");
            args.add(outcome.name());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"), rs.getString("address"),
                Channel.valueOf(rs.getString("channel")), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail")), args.toArray());
    }

    /** What an anonymous caller typed as a user name is stored bounded and without control characters. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        text.codePoints().limit(MAX_TEXT).forEach(c -> b.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return b.toString();
    }
}
