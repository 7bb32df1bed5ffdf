package vn.thidua.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.thidua.domain.shared.Text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Makes readable and storable the events that were accepted before the product had one numeric range and one text
 * rule ({@code vn.thidua.domain.shared.Numbers}, {@code Text}): a value such as 1e-1000 was written as a thousand
 * digits that no reader accepted, 1e25 overflowed the read models, a NUL in a unit's name stopped PostgreSQL.
 * The stored bytes are never changed; every reader (Axon's upcaster chain and the direct event-table reader) applies
 * this repair as it reads, so they all see the same event:
 * <ul>
 *   <li>a number with more than {@value #STORED_DECIMALS} decimals is rounded half-up to that many, as the read
 *       models' DECIMAL(30, 8) columns would store it (1e-1000 reads as 0);</li>
 *   <li>a number with more than {@value #STORED_INTEGER_DIGITS} integer digits cannot be stored anywhere: in a map of
 *       indicator values (a pledge's targets, a report's values) the entry is taken out and its text kept under
 *       {@code unreadableValues} (so the indicator reads as not given, and the audit still shows what was sent);
 *       any other such number is clamped to the largest storable value of its sign;</li>
 *   <li>forbidden characters (controls other than line breaks and tabs, bidirectional controls, zero-width
 *       characters) are removed from text.</li>
 * </ul>
 * Numbers and text within the range are left exactly as they are, so events accepted today read unchanged.
 */
public final class StoredJsonRepair {
    public static final int STORED_DECIMALS = 8;
    public static final int STORED_INTEGER_DIGITS = 22;
    public static final String UNREADABLE_VALUES = "unreadableValues";
    private static final BigDecimal LARGEST = new BigDecimal("9".repeat(STORED_INTEGER_DIGITS) + "."
            + "9".repeat(STORED_DECIMALS));
    /** The shown text of a removed value is cut to this many characters (a thousand zeros help nobody). */
    private static final int SHOWN = 40;

    private StoredJsonRepair() {
    }

    /**
     * Whether the stored bytes may need the repair: a long run of digits, an escaped control character, or the UTF-8
     * form of a forbidden character. Conservative (some harmless payloads answer yes) and cheap, so that the many
     * events that need nothing are bound directly.
     */
    public static boolean mayNeedRepair(byte[] json) {
        int digits = 0;
        for (int i = 0; i < json.length; i++) {
            int b = json[i] & 0xFF;
            if (b >= '0' && b <= '9') {
                if (++digits > STORED_DECIMALS) {
                    return true;
                }
                continue;
            }
            digits = 0;
            if (b == '\\' && i + 1 < json.length) {
                int next = json[i + 1];
                if (next == 'u' || next == 'b' || next == 'f') {
                    return true;
                }
                i++;
            } else if (b == 0xC2 && i + 1 < json.length && (json[i + 1] & 0xFF) >= 0x80
                    && (json[i + 1] & 0xFF) <= 0x9F) {
                return true;
            } else if (b >= 0xD8 && forbiddenAt(json, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the UTF-8 sequence starting at {@code i} encodes a character no text may hold. Only the lead bytes of
     * such characters are decoded (0xD8: U+061C; 0xE2: U+2000–U+2FFF; 0xEF: U+F000–U+FFFF; 0xF0–0xF4: the
     * supplementary planes' non-characters); Vietnamese letters (lead bytes 0xC3–0xC6, 0xCC, 0xE1) are skipped.
     */
    private static boolean forbiddenAt(byte[] json, int i) {
        int b = json[i] & 0xFF;
        if (b == 0xD8 && i + 1 < json.length) {
            return (json[i + 1] & 0xFF) == 0x9C;
        }
        if ((b == 0xE2 || b == 0xEF) && i + 2 < json.length) {
            int c = ((b & 0x0F) << 12) | ((json[i + 1] & 0x3F) << 6) | (json[i + 2] & 0x3F);
            return Text.forbidden(c, true);
        }
        if (b >= 0xF0 && b <= 0xF4 && i + 3 < json.length) {
            int c = ((b & 0x07) << 18) | ((json[i + 1] & 0x3F) << 12) | ((json[i + 2] & 0x3F) << 6)
                    | (json[i + 3] & 0x3F);
            return Text.forbidden(c, true);
        }
        return false;
    }

    /** Repairs the event in place; answers whether anything changed. */
    public static boolean repair(JsonNode event) {
        return repairNode(event);
    }

    private static boolean repairNode(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String clean = clean(value.textValue());
                    if (!clean.equals(value.textValue())) {
                        object.put(field.getKey(), clean);
                        changed = true;
                    }
                } else if (value.isNumber()) {
                    BigDecimal repaired = repairNumber(value.decimalValue());
                    if (repaired != null) {
                        object.put(field.getKey(), repaired);
                        changed = true;
                    }
                } else if (value instanceof ObjectNode map && isValueMap(map)) {
                    changed |= repairValueMap(object, field.getKey(), map);
                } else {
                    changed |= repairNode(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    String clean = clean(item.textValue());
                    if (!clean.equals(item.textValue())) {
                        array.set(i, JsonNodeFactory.instance.textNode(clean));
                        changed = true;
                    }
                } else if (item.isNumber()) {
                    BigDecimal repaired = repairNumber(item.decimalValue());
                    if (repaired != null) {
                        array.set(i, JsonNodeFactory.instance.numberNode(repaired));
                        changed = true;
                    }
                } else {
                    changed |= repairNode(item);
                }
            }
        }
        return changed;
    }

    /** A map of indicator codes to numbers (targets, values, verifiedValues, previous values). */
    private static boolean isValueMap(ObjectNode map) {
        if (map.isEmpty()) {
            return false;
        }
        for (Iterator<JsonNode> it = map.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            if (!v.isNumber() && !v.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean repairValueMap(ObjectNode owner, String name, ObjectNode map) {
        boolean changed = false;
        List<String> codes = new ArrayList<>();
        map.fieldNames().forEachRemaining(codes::add);
        for (String code : codes) {
            JsonNode value = map.get(code);
            if (value.isNull()) {
                continue;
            }
            BigDecimal number = value.decimalValue();
            if (integerDigits(number) > STORED_INTEGER_DIGITS) {
                map.remove(code);
                ObjectNode unreadable = owner.has(UNREADABLE_VALUES) && owner.get(UNREADABLE_VALUES).isObject()
                        ? (ObjectNode) owner.get(UNREADABLE_VALUES) : owner.putObject(UNREADABLE_VALUES);
                unreadable.put(name + "." + clean(code), shown(number));
                changed = true;
            } else if (number.scale() > STORED_DECIMALS) {
                map.put(code, number.setScale(STORED_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros());
                changed = true;
            }
        }
        return changed;
    }

    /** The repaired number, or null when it needs none. */
    private static BigDecimal repairNumber(BigDecimal number) {
        if (integerDigits(number) > STORED_INTEGER_DIGITS) {
            return number.signum() < 0 ? LARGEST.negate() : LARGEST;
        }
        if (number.scale() > STORED_DECIMALS) {
            return number.setScale(STORED_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return null;
    }

    private static long integerDigits(BigDecimal number) {
        return number.signum() == 0 ? 0 : (long) number.precision() - number.scale();
    }

    private static String shown(BigDecimal number) {
        String text = number.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }

    /** The text without the characters no text may hold (line breaks and tabs stay: free text may have them). */
    static String clean(String text) {
        if (text.codePoints().noneMatch(c -> Text.forbidden(c, true))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Text.forbidden(c, true)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
