package vn.thidua.query.audit;

import java.util.List;

/** One page of the audit trail, in stored order; {@code total} counts every entry the filter matches. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
}
