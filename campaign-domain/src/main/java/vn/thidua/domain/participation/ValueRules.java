package vn.thidua.domain.participation;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.shared.InvalidValue;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The one set of value rules: a value must belong to one of the campaign's indicators and suit its kind (yes/no as
 * 1 or 0, counts whole and not negative) and lie within its min and max. Whatever reads values (the JSON API, the
 * forms, the Excel import) only turns them into numbers; the participation decides with these rules.
 */
public final class ValueRules {
    private ValueRules() {
    }

    public static void check(CampaignTerms terms, String field, Map<String, BigDecimal> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidValue(field, "no-values", "no values given");
        }
        Map<String, Indicator> indicators = terms.indicators();
        values.forEach((code, value) -> {
            String at = field + "." + code;
            Indicator indicator = indicators.get(code);
            if (indicator == null) {
                throw new InvalidValue(at, "unknown-indicator",
                        "campaign " + terms.campaignId() + " has no indicator " + code);
            }
            if (value == null) {
                throw new InvalidValue(at, "required", "a value is required");
            }
            checkKind(at, indicator, value);
        });
    }

    private static void checkKind(String at, Indicator indicator, BigDecimal value) {
        if (indicator.kind() == IndicatorKind.QUALITATIVE) {
            if (value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0) {
                throw new InvalidValue(at, "yes-no", "a yes/no indicator takes true or false");
            }
            return;
        }
        if (indicator.kind() == IndicatorKind.COUNT) {
            if (value.signum() < 0) {
                throw new InvalidValue(at, "count-negative", "a count cannot be negative");
            }
            if (value.stripTrailingZeros().scale() > 0) {
                throw new InvalidValue(at, "count-whole", "a count is a whole number");
            }
        }
        if (indicator.min() != null && value.compareTo(indicator.min()) < 0) {
            String min = indicator.min().toPlainString();
            throw new InvalidValue(at, "below-min", "is below the minimum " + min, min);
        }
        if (indicator.max() != null && value.compareTo(indicator.max()) > 0) {
            String max = indicator.max().toPlainString();
            throw new InvalidValue(at, "above-max", "is above the maximum " + max, max);
        }
    }
}
