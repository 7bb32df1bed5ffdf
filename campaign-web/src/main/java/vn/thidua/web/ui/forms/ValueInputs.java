package vn.thidua.web.ui.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Indicator values between the form and the REST bodies: the form posts {@code <prefix>.<CODE>} fields (a number,
 * or {@code true}/{@code false} for a yes/no indicator); the bodies take the same JSON values the REST API takes
 * (booleans for yes/no, numbers otherwise), which {@code ValueJson} turns into the command's 1/0 and numbers.
 */
final class ValueInputs {
    private ValueInputs() {
    }

    static String field(String prefix, String code) {
        return prefix + "." + code;
    }

    /** The typed values of the indicators, by code, as strings; empty ones are left out. */
    static Map<String, String> typed(CampaignTerms terms, String prefix, Map<String, String> params) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String code : terms.indicators().keySet()) {
            String raw = params.get(field(prefix, code));
            if (raw != null && !raw.isBlank()) {
                typed.put(code, Normalizer.normalize(raw.trim(), Normalizer.Form.NFC));
            }
        }
        return typed;
    }

    /** Stored values shown in the form: numbers without needless zeros, yes/no as true/false. */
    static Map<String, String> shown(CampaignTerms terms, Map<String, BigDecimal> values) {
        Map<String, String> shown = new LinkedHashMap<>();
        if (values == null) {
            return shown;
        }
        Map<String, Indicator> indicators = terms.indicators();
        values.forEach((code, value) -> {
            Indicator indicator = indicators.get(code);
            if (value == null) {
                return;
            }
            if (indicator != null && indicator.kind() == IndicatorKind.QUALITATIVE) {
                shown.put(code, Boolean.toString(value.signum() != 0));
            } else {
                shown.put(code, plain(value));
            }
        });
        return shown;
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** JSON values for a REST body; a value that is not a number is reported on its field and left out. */
    static Map<String, JsonNode> json(CampaignTerms terms, String prefix, Map<String, String> typed,
                                      FormErrors errors) {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        Map<String, Indicator> indicators = terms.indicators();
        typed.forEach((code, raw) -> {
            Indicator indicator = indicators.get(code);
            if (indicator.kind() == IndicatorKind.QUALITATIVE) {
                if ("true".equals(raw) || "1".equals(raw)) {
                    json.put(code, BooleanNode.TRUE);
                } else if ("false".equals(raw) || "0".equals(raw)) {
                    json.put(code, BooleanNode.FALSE);
                } else {
                    errors.field(field(prefix, code), "field.yes-no");
                }
                return;
            }
            BigDecimal number = number(raw);
            if (number == null) {
                errors.field(field(prefix, code), numberError(raw));
            } else {
                json.put(code, DecimalNode.valueOf(number));
            }
        });
        return json;
    }

    /**
     * A number as typed: "12.5", or with a decimal comma "12,5"; null when it is not a number or when its
     * separators are ambiguous (see {@link #ambiguous}). Spaces between digit groups are ignored.
     */
    static BigDecimal number(String raw) {
        if (raw == null || raw.isBlank() || ambiguous(raw)) {
            return null;
        }
        String s = compact(raw).replace(',', '.');
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether a typed number uses a thousands separator, or a separator that could be one: both a comma and a dot
     * ("1.234,5", "1,234.5"), a separator twice ("1.234.567"), or one separator followed by exactly three digits
     * after a non-zero whole part ("1.234", "1,234": 1234 to a Vietnamese reader, 1.234 to an English one). Such a
     * value is refused rather than guessed: a guess can change it by a factor of a thousand.
     */
    static boolean ambiguous(String raw) {
        if (raw == null) {
            return false;
        }
        String s = compact(raw);
        int commas = s.length() - s.replace(",", "").length();
        int dots = s.length() - s.replace(".", "").length();
        if (commas + dots > 1) {
            return true;
        }
        if (commas + dots == 0) {
            return false;
        }
        int at = Math.max(s.indexOf(','), s.indexOf('.'));
        String whole = s.substring(0, at).replaceFirst("^[+-]", "");
        String fraction = s.substring(at + 1);
        return fraction.length() == 3 && fraction.chars().allMatch(Character::isDigit)
                && !whole.isEmpty() && whole.chars().allMatch(Character::isDigit) && !whole.matches("0+");
    }

    /** The error key for a typed text that is not taken as a number. */
    static String numberError(String raw) {
        return ambiguous(raw) ? "field.number-grouping" : "field.not-a-number";
    }

    private static String compact(String raw) {
        return raw.trim().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
    }

    /** A form field path for a domain field path {@code <domainPrefix>.<CODE>}; null for anything else. */
    static String fieldOf(String domainPath, String domainPrefix, String formPrefix) {
        if (domainPath != null && domainPath.startsWith(domainPrefix + ".")) {
            return formPrefix + "." + domainPath.substring(domainPrefix.length() + 1);
        }
        return null;
    }
}
