package vn.thidua.domain.participation;

/** An evidence file withdrawn by its unit (its id and name), with the reason; it stays readable, marked withdrawn. */
public record EvidenceWithdrawn(String participationId, String campaignId, String unitCode, String periodCode,
                                String evidenceId, String fileName, String reason) implements EvidenceEvent {
}
