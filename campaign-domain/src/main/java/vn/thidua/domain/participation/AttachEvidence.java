package vn.thidua.domain.participation;

import vn.thidua.domain.shared.FreeText;

/**
 * A unit attaches a file (minh chứng) to one of its period reports, for the whole report or for one indicator
 * ({@code indicatorCode} null: the whole report). The bytes are already stored under {@code sha256}; the media type
 * was detected from them. {@code uploaderUnit} is the unit the uploader acts for: only the report's own unit
 * attaches evidence to it. {@code evidenceId} is the new file's id, unless the same bytes are already attached.
 */
public record AttachEvidence(String campaignId, String unitCode, String periodCode, String evidenceId, String sha256,
                             String fileName, String mediaType, long size, String indicatorCode,
                             @FreeText String note, String uploaderUnit, String uploadedBy)
        implements ParticipationCommand {
}
