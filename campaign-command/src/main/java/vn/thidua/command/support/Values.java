package vn.thidua.command.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Numbers compared by value (110 equals 110.00) and stored in one canonical form, so history never flickers. */
public final class Values {
    private Values() {
    }

    public static BigDecimal canonical(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static Map<String, BigDecimal> canonical(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> out.put(k, canonical(v)));
        }
        return out;
    }

    public static boolean sameNumbers(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> {
            BigDecimal other = b.get(e.getKey());
            return Objects.equals(e.getValue(), other)
                    || (e.getValue() != null && other != null && e.getValue().compareTo(other) == 0);
        });
    }
}
