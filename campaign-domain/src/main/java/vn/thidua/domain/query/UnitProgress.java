package vn.thidua.domain.query;

import java.math.BigDecimal;
import java.util.List;

/** Per indicator: the pledged target, the latest counted value, its share of target, a status, and its history. */
public record UnitProgress(String campaignId, String unitCode, List<Indicator> indicators) {

    public enum Status { ACHIEVED, ON_TRACK, BEHIND, NOT_REPORTED }

    public record Indicator(String code, String title, String unit, String kind, BigDecimal target, BigDecimal latest,
                            BigDecimal ratio, Status status, List<PeriodValue> history) {
    }

    /**
     * One period's value: the verified one when there is one, with the reported one beside it, who verified it
     * (the verifying unit, or the role for the board) and, for a changed value, why.
     */
    public record PeriodValue(String period, BigDecimal value, BigDecimal reported, BigDecimal verified,
                              String status, boolean late, String at, String verifiedBy, String reason) {
    }
}
