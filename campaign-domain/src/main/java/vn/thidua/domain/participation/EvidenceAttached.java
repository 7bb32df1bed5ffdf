package vn.thidua.domain.participation;

/**
 * A file attached to a period report as evidence: its content's SHA-256 (the bytes are stored once per hash),
 * its normalised name, the media type detected from its content, its size in bytes, the indicator it supports
 * (null: the whole report), the uploader's note and user name.
 */
public record EvidenceAttached(String participationId, String campaignId, String unitCode, String periodCode,
                               String evidenceId, String sha256, String fileName, String mediaType, long size,
                               String indicatorCode, String note, String uploadedBy) implements EvidenceEvent {
}
