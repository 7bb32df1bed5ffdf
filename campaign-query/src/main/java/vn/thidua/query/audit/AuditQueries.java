package vn.thidua.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.query.projection.ProjectionStates;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the serving generation of the audit trail: a page at a time, or every entry streamed. */
@Component
public class AuditQueries {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    static final int FETCH_SIZE = 500;
    private static final String COLUMNS = "position, at, type, aggregate_id, sequence, campaign_id, unit_code,"
            + " period_code, actor_user, actor_unit, actor_role, correlation_id, payload, changes";
    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(rs.getLong("position"),
            rs.getString("at"), rs.getString("type"), rs.getString("aggregate_id"), rs.getLong("sequence"),
            rs.getString("campaign_id"), rs.getString("unit_code"), rs.getString("period_code"),
            new AuditEntry.Actor(rs.getString("actor_user"), rs.getString("actor_unit"), rs.getString("actor_role")),
            rs.getString("correlation_id"), rs.getString("payload"), rs.getString("changes"));

    private final JdbcTemplate jdbc;
    private final ProjectionStates states;
    private final TransactionTemplate readOnly;

    public AuditQueries(JdbcTemplate jdbc, ProjectionStates states, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.states = states;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One page (0-based) of the entries the filter matches, by position ascending. */
    public AuditPage page(AuditFilter filter, int page, int size) {
        if (page < 0) {
            throw new InvalidValue("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValue("size", "size must be between 1 and " + MAX_SIZE);
        }
        Where where = where(filter, states.activeGeneration(AuditProjection.NAME));
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry" + where.sql, Long.class,
                where.args.toArray());
        List<Object> args = new ArrayList<>(where.args);
        args.add(size);
        args.add((long) page * size);
        List<AuditEntry> entries = jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where.sql
                + " ORDER BY position LIMIT ? OFFSET ?", ENTRY, args.toArray());
        return new AuditPage(entries, page, size, total == null ? 0 : total);
    }

    /**
     * Every entry the filter matches, by position ascending, handed over one at a time from a cursor (on
     * PostgreSQL a fetch size takes effect only inside a transaction), so the trail is never all in memory.
     */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> consumer) {
        Where where = where(filter, states.activeGeneration(AuditProjection.NAME));
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry" + where.sql
                    + " ORDER BY position");
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < where.args.size(); i++) {
                statement.setObject(i + 1, where.args.get(i));
            }
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(ENTRY.mapRow(rs, 0))));
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(AuditFilter filter, int generation) {
        StringBuilder sql = new StringBuilder(" WHERE generation = ?");
        List<Object> args = new ArrayList<>();
        args.add(generation);
        andEquals(sql, args, "campaign_id", filter.campaignId());
        andEquals(sql, args, "unit_code", filter.unitCode());
        andEquals(sql, args, "aggregate_id", filter.aggregateId());
        andEquals(sql, args, "type", filter.type());
        if (filter.from() != null) {
            sql.append(" AND at_millis >= ?");
            args.add(filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            sql.append(" AND at_millis < ?");
            args.add(filter.to().toEpochMilli());
        }
        return new Where(sql.toString(), args);
    }

    /** Narrows the query to rows whose {@code column} is {@code value}, unless nothing was asked for. */
    private static void andEquals(StringBuilder sql, List<Object> args, String column, String value) {
        if (blank(value) != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
