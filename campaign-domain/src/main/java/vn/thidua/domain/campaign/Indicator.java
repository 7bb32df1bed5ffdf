package vn.thidua.domain.campaign;

import java.math.BigDecimal;

/**
 * A chỉ tiêu. {@code floor} is the cluster's minimum pledge (null: none); {@code weight} the points it is
 * worth; {@code pointsPerItem} applies to COUNT and ADJUSTMENT; {@code min}/{@code max} bound a reported value.
 * QUALITATIVE targets and values are stored as 1 (achieved) or 0.
 */
public record Indicator(String code, String title, String unit, IndicatorKind kind, Direction direction,
                        BigDecimal floor, BigDecimal weight, BigDecimal pointsPerItem,
                        BigDecimal min, BigDecimal max) {

    public Direction directionOrDefault() {
        return direction == null ? Direction.HIGHER_IS_BETTER : direction;
    }

    /** Whether lower is better, so that the cluster's floor is a ceiling. */
    public boolean floorIsCeiling() {
        return directionOrDefault() == Direction.LOWER_IS_BETTER;
    }

    /** Whether a target is at least as ambitious as the cluster's floor; any target is when there is no floor. */
    public boolean meetsFloor(BigDecimal target) {
        if (floor == null) {
            return true;
        }
        int c = target.compareTo(floor);
        return floorIsCeiling() ? c <= 0 : c >= 0;
    }
}
