package vn.thidua.query.audit;

import java.time.Instant;

/**
 * Which entries to read; every part is optional. {@code type} is the event's simple name ({@code PledgeRevised});
 * {@code from} is inclusive and {@code to} exclusive, compared at millisecond precision.
 */
public record AuditFilter(String campaignId, String unitCode, String type, Instant from, Instant to) {
    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }

    public static AuditFilter campaign(String campaignId) {
        return new AuditFilter(campaignId, null, null, null, null);
    }
}
