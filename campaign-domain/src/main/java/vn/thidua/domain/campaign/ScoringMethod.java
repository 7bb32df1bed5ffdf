package vn.thidua.domain.campaign;

public enum ScoringMethod {
    /** points = weight × min(A/T, cap); T/A when lower is better. */
    RATIO_CAPPED,
    /** Half the weight at target, the full weight for the best unit above target, interpolated between. */
    LEADER_INTERPOLATED
}
