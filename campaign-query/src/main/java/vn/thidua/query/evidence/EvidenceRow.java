package vn.thidua.query.evidence;

/** One evidence file as the read model keeps it: what was attached, by whom and when, and its withdrawal. */
public record EvidenceRow(String evidenceId, String campaignId, String unitCode, String periodCode,
                          String indicatorCode, String sha256, String fileName, String mediaType, long size,
                          String note, String uploadedBy, String uploadedAt, boolean withdrawn,
                          String withdrawnReason, String withdrawnBy, String withdrawnAt) {
}
