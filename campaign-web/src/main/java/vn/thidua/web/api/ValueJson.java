package vn.thidua.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.shared.InvalidValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Indicator values on the wire: booleans for yes/no indicators, JSON numbers for the rest. Stored as numbers
 * (1 or 0 for yes/no), shown back as booleans.
 */
public final class ValueJson {
    private ValueJson() {
    }

    /**
     * The values as numbers (yes/no as 1 or 0), refusing only what is not a value at all: the command interceptor
     * checks them against the product's numeric range, the participation against their indicators with the one
     * set of {@link vn.thidua.domain.participation.ValueRules}.
     */
    public static Map<String, BigDecimal> read(CampaignTerms terms, String field, Map<String, JsonNode> raw) {
        Map<String, Indicator> indicators = terms.indicators();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        raw.forEach((code, node) -> {
            String at = field + "." + code;
            Indicator indicator = indicators.get(code);
            boolean yesNo = indicator != null && indicator.kind() == IndicatorKind.QUALITATIVE;
            if (node != null && node.isBoolean() && (yesNo || indicator == null)) {
                values.put(code, node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO);
            } else if (yesNo) {
                throw new InvalidValue(at, "yes-no", "a yes/no indicator takes true or false");
            } else if (node != null && node.isNumber()) {
                values.put(code, node.decimalValue());
            } else {
                throw new InvalidValue(at, "not-a-number", "must be a JSON number");
            }
        });
        return values;
    }

    public static Map<String, Object> write(CampaignTerms terms, Map<String, BigDecimal> values) {
        if (values == null) {
            return null;
        }
        Map<String, Indicator> indicators = terms.indicators();
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((code, value) -> {
            Indicator indicator = indicators.get(code);
            boolean yesNo = indicator != null && indicator.kind() == IndicatorKind.QUALITATIVE;
            out.put(code, yesNo ? (Object) (value.signum() != 0) : value);
        });
        return out;
    }
}
