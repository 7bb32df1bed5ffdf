package vn.thidua.query.audit;

import java.time.Instant;

/**
 * Which entries to read; every part is optional. {@code type} is the event's simple name ({@code PledgeRevised});
 * {@code from} is inclusive and {@code to} exclusive, compared at millisecond precision; {@code aggregateId} keeps
 * one submission's stream (e.g. {@code participation:cum-ii-2021:THIEU_HOA}).
 */
public record AuditFilter(String campaignId, String unitCode, String type, Instant from, Instant to,
                          String aggregateId) {

    public AuditFilter(String campaignId, String unitCode, String type, Instant from, Instant to) {
        this(campaignId, unitCode, type, from, to, null);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }

    public static AuditFilter campaign(String campaignId) {
        return new AuditFilter(campaignId, null, null, null, null);
    }
}
