package vn.thidua.query.audit;

/** One row of {@code audit_entry}, as written; {@code payload} and {@code changes} are JSON text. */
public record AuditRow(int generation, long position, String at, long atMillis, String type, String aggregateId,
                       long sequence, String campaignId, String unitCode, String periodCode, String actorUser,
                       String actorUnit, String actorRole, String correlationId, String payload, String changes) {

    static final String INSERT = "INSERT INTO audit_entry (generation, position, at, at_millis, type, aggregate_id,"
            + " sequence, campaign_id, unit_code, period_code, actor_user, actor_unit, actor_role, correlation_id,"
            + " payload, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Without a conflict target, which H2 does not take; (generation, position) is the table's only unique key. */
    static final String INSERT_IF_ABSENT = INSERT + " ON CONFLICT DO NOTHING";

    Object[] arguments() {
        return new Object[]{generation, position, at, atMillis, type, aggregateId, sequence, campaignId, unitCode,
                periodCode, actorUser, actorUnit, actorRole, correlationId, payload, changes};
    }
}
