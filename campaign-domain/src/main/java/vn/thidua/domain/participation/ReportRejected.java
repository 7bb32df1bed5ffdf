package vn.thidua.domain.participation;

public record ReportRejected(String participationId, String campaignId, String unitCode, String periodCode,
                             String comment) implements ReportEvent {
}
