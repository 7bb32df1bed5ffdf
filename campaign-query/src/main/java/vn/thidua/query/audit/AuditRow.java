package vn.thidua.query.audit;

/** One row of {@code audit_entry}, as written; {@code payload} and {@code changes} are JSON text. */
public record AuditRow(int generation, long position, String at, long atMillis, String type, String aggregateId,
                       long sequence, String campaignId, String unitCode, String periodCode, String actorUser,
                       String actorUnit, String actorRole, String correlationId, String payload, String changes) {

    static final String INSERT = "INSERT INTO audit_entry (generation, position, at, at_millis, type, aggregate_id,"
            + " sequence, campaign_id, unit_code, period_code, actor_user, actor_unit, actor_role, correlation_id,"
            + " payload, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Writes the row or replaces the one already at its position, in one statement (PostgreSQL). A later delivery
     * of an event replaces what an earlier one, or a rebuild, wrote for it.
     */
    static final String UPSERT = INSERT + " ON CONFLICT (generation, position) DO UPDATE SET at = EXCLUDED.at,"
            + " at_millis = EXCLUDED.at_millis, type = EXCLUDED.type, aggregate_id = EXCLUDED.aggregate_id,"
            + " sequence = EXCLUDED.sequence, campaign_id = EXCLUDED.campaign_id, unit_code = EXCLUDED.unit_code,"
            + " period_code = EXCLUDED.period_code, actor_user = EXCLUDED.actor_user,"
            + " actor_unit = EXCLUDED.actor_unit, actor_role = EXCLUDED.actor_role,"
            + " correlation_id = EXCLUDED.correlation_id, payload = EXCLUDED.payload, changes = EXCLUDED.changes";

    Object[] arguments() {
        return new Object[]{generation, position, at, atMillis, type, aggregateId, sequence, campaignId, unitCode,
                periodCode, actorUser, actorUnit, actorRole, correlationId, payload, changes};
    }
}
