package vn.thidua.domain.shared;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Checks every number and every text a message carries against {@link Numbers} and {@link Text}, before anything
 * decides on it: walks the message's record components (and the records, lists and maps inside them), naming the
 * field as the contract does ({@code contents[0].indicators[2].weight}, {@code values.I1}). Components marked
 * {@link FreeText} may span lines. Map keys are checked as names.
 */
public final class AcceptableInput {
    private static final String DOMAIN = "vn.thidua.";

    private AcceptableInput() {
    }

    /** Throws the first problem found as an {@link InvalidValue}. */
    public static void check(Object message) {
        if (message != null && message.getClass().isRecord()) {
            checkRecord("", message);
        }
    }

    /** Checks one value under a field name (for input that is not a message, such as a query's parameters). */
    public static void check(String field, Object value) {
        checkValue(field, value, false);
    }

    private static void checkRecord(String prefix, Object record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
            }
            checkValue(prefix + component.getName(), value, component.isAnnotationPresent(FreeText.class));
        }
    }

    private static void checkValue(String field, Object value, boolean freeText) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal number) {
            Numbers.check(field, number);
        } else if (value instanceof String text) {
            if (freeText) {
                Text.checkFreeText(field, text);
            } else {
                Text.checkLine(field, text);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Text.checkLine(field, key);
                checkValue(field + "." + key, e.getValue(), freeText);
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                checkValue(field + "[" + i++ + "]", item, freeText);
            }
        } else if (value.getClass().isRecord() && value.getClass().getName().startsWith(DOMAIN)) {
            checkRecord(field + ".", value);
        }
    }
}
