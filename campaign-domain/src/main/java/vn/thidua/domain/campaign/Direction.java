package vn.thidua.domain.campaign;

public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
