package vn.thidua.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.query.support.DatabaseKind;
import org.springframework.stereotype.Component;
import vn.thidua.domain.shared.NotFound;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The projection_state table: which generation of each read model serves, and the progress of rebuilds. */
@Component
public class ProjectionStates {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DatabaseKind database;
    private static final String LOCK_PREFIX = "projection-generation:";

    public ProjectionStates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.database = new DatabaseKind(jdbc);
        this.clock = clock;
    }

    /** The generation readers use; it changes only when a rebuild is switched in. */
    public int activeGeneration(String name) {
        List<Integer> g = jdbc.queryForList("SELECT active_generation FROM projection_state WHERE name = ?",
                Integer.class, name);
        if (g.isEmpty()) {
            throw new NotFound("projection", name);
        }
        return g.get(0);
    }

    /**
     * The generation a live event handler writes to, locked for the rest of its transaction so that a rebuild
     * cannot switch generations between this read and the handler's writes. Asked once per batch.
     * <p>
     * On PostgreSQL the lock is a shared transaction-level advisory lock per projection: the batches of a
     * processor's segments (and of other nodes) write side by side, and only a switch, which takes the same lock
     * exclusively ({@link #lockedGeneration}), waits for them; the lock manager queues new shared requests behind a
     * waiting exclusive one. The projection_state row itself stays unlocked, so a rebuild's heartbeat and status
     * updates never wait for live batches. (It was an exclusive row lock: every segment's batch waited for the
     * others', BENCHMARKS.md.) H2 has no advisory locks; there the row is locked exclusively, one batch at a time.
     */
    public int generationForWrite(String name) {
        if (CurrentUnitOfWork.isStarted()) {
            return CurrentUnitOfWork.get().root().getOrComputeResource("projection-generation:" + name,
                    key -> sharedLockedGeneration(name));
        }
        return sharedLockedGeneration(name);
    }

    private int sharedLockedGeneration(String name) {
        if (database.isPostgres()) {
            jdbc.query("SELECT pg_advisory_xact_lock_shared(hashtext(?))", rs -> null, LOCK_PREFIX + name);
            return jdbc.queryForObject("SELECT active_generation FROM projection_state WHERE name = ?",
                    Integer.class, name);
        }
        return jdbc.queryForObject("SELECT active_generation FROM projection_state WHERE name = ? FOR UPDATE",
                Integer.class, name);
    }

    /** The serving generation, locked against every live writer until this transaction ends (a rebuild's switch). */
    int lockedGeneration(String name) {
        if (database.isPostgres()) {
            jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, LOCK_PREFIX + name);
        }
        return jdbc.queryForObject("SELECT active_generation FROM projection_state WHERE name = ? FOR UPDATE",
                Integer.class, name);
    }

    public ProjectionStatus status(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("projection", name));
    }

    public List<ProjectionStatus> all() {
        return jdbc.query("SELECT * FROM projection_state ORDER BY name", (rs, i) -> new ProjectionStatus(
                rs.getString("name"), rs.getInt("active_generation"), rs.getString("status"),
                (Integer) rs.getObject("rebuild_generation"), longOrNull(rs.getObject("rebuild_position")),
                longOrNull(rs.getObject("rebuild_head")), longOrNull(rs.getObject("rebuild_events")),
                rs.getString("started_at"), rs.getString("finished_at"), longOrNull(rs.getObject("heartbeat_at")),
                rs.getString("message")));
    }

    /**
     * Claims the rebuild unless another one is alive (its heartbeat younger than {@code staleMillis}); answers the
     * claim's token, which every later step of that rebuild must present.
     */
    Optional<String> claimRebuild(String name, int generation, long head, long staleMillis) {
        long now = clock.millis();
        String token = UUID.randomUUID().toString();
        int claimed = jdbc.update("UPDATE projection_state SET status = 'REBUILDING', rebuild_generation = ?,"
                        + " rebuild_position = 0, rebuild_head = ?, rebuild_events = 0, started_at = ?,"
                        + " rebuild_token = ?, finished_at = NULL, heartbeat_at = ?, message = NULL"
                        + " WHERE name = ? AND (status <> 'REBUILDING' OR heartbeat_at IS NULL OR heartbeat_at < ?)",
                generation, head, clock.instant().toString(), token, now, name, now - staleMillis);
        return claimed == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Whether the rebuild holding {@code token} still holds the claim (no newer rebuild took over). */
    boolean holds(String name, String token) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM projection_state WHERE name = ?"
                + " AND status = 'REBUILDING' AND rebuild_token = ?", Integer.class, name, token);
        return n != null && n == 1;
    }

    void progress(String name, String token, long position, long head, long events) {
        jdbc.update("UPDATE projection_state SET rebuild_position = ?, rebuild_head = ?, rebuild_events = ?,"
                + " heartbeat_at = ? WHERE name = ? AND rebuild_token = ?", position, head, events, clock.millis(), name,
                token);
    }

    /**
     * Switches readers to the rebuilt generation, with the rebuild's note for the operator (what it held back, or
     * null); false when another rebuild has taken the claim meanwhile.
     */
    boolean switchTo(String name, String token, int generation, long position, long events, String note) {
        return jdbc.update("UPDATE projection_state SET active_generation = ?, status = 'LIVE', rebuild_position = ?,"
                        + " rebuild_head = ?, rebuild_events = ?, finished_at = ?, heartbeat_at = ?, message = ?"
                        + " WHERE name = ? AND status = 'REBUILDING' AND rebuild_token = ? AND rebuild_generation = ?",
                generation, position, position, events, clock.instant().toString(), clock.millis(), note, name, token,
                generation) == 1;
    }

    void failed(String name, String token, String message) {
        jdbc.update("UPDATE projection_state SET status = 'FAILED', finished_at = ?, message = ? WHERE name = ?"
                        + " AND rebuild_token = ?", clock.instant().toString(),
                message.length() > 1900 ? message.substring(0, 1900) : message, name, token);
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
