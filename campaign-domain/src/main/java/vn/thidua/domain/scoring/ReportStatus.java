package vn.thidua.domain.scoring;

/** Where a period report stands in verification (kiểm tra chéo). */
public enum ReportStatus {
    /** Self-reported (tự chấm), or corrected since it was last verified or rejected. */
    SUBMITTED,
    /** Verified; the counted values are the verifier's. */
    VERIFIED,
    /** Rejected; it counts for nothing until it is corrected. */
    REJECTED
}
