package vn.thidua.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One entry of the audit trail as the API shows it. {@code payload} (the event) and {@code changes} (an array of
 * {@code {field, from, to}}, or null) are JSON text written into the response as JSON, not as strings.
 */
public record AuditEntry(long position, String at, String type, String aggregateId, long sequence,
                         String campaignId, String unitCode, String periodCode, Actor actor, String correlationId,
                         @JsonRawValue String payload, @JsonRawValue String changes) {

    /** Who did it: the user, the unit they acted for, and the role they acted in. */
    public record Actor(String user, String unit, String role) {
    }
}
