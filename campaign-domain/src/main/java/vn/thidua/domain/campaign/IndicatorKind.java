package vn.thidua.domain.campaign;

/** Criterion kinds of DESIGN.md, "Scoring". */
public enum IndicatorKind {
    /** A number against the pledged target. */
    QUANTITATIVE,
    /** Achieved or not: full points or none. Reported as a boolean, stored as 1 or 0. */
    QUALITATIVE,
    /** Points per item up to the weight. */
    COUNT,
    /** Bonus (positive points per item) or deduction (negative), bounded by ± weight. */
    ADJUSTMENT
}
