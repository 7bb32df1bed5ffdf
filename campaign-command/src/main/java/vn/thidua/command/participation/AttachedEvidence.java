package vn.thidua.command.participation;

import java.util.Objects;

/**
 * What the participation remembers of one evidence file: which report and indicator it supports, its content's
 * hash, and whether it was withdrawn. Enough to answer a repeated upload and to decide a withdrawal.
 */
record AttachedEvidence(String evidenceId, String periodCode, String indicatorCode, String sha256,
                        String fileName, boolean withdrawn) {

    /** The same bytes for the same report and indicator, still standing. */
    boolean sameAs(String otherPeriod, String otherIndicator, String otherSha256) {
        return !withdrawn && periodCode.equals(otherPeriod) && Objects.equals(indicatorCode, otherIndicator)
                && sha256.equals(otherSha256);
    }

    AttachedEvidence asWithdrawn() {
        return new AttachedEvidence(evidenceId, periodCode, indicatorCode, sha256, fileName, true);
    }
}
