package vn.thidua.domain.shared;

import java.util.Optional;

/**
 * What text the product accepts, everywhere: no control characters (C0 and C1, DEL), no bidirectional
 * overrides, isolates or marks, no zero-width characters or byte-order marks, no lone surrogates, no
 * non-characters. Such characters are refused by PostgreSQL (NUL), reorder what a reader sees (bidi), or make two
 * names look alike (zero-width). Free text (a reason, a comment, a rationale) may also hold line breaks and tabs;
 * a name or a title may not. Lengths are bounded so that every read model's column holds them.
 */
public final class Text {
    public static final int MAX_LINE = 300;
    public static final int MAX_FREE_TEXT = 4000;

    private Text() {
    }

    /** The problem of a single-line text (a name, a title, a code), if it has one. */
    public static Optional<InvalidValue> lineProblem(String field, String text) {
        return problem(field, text, false, MAX_LINE);
    }

    /** The problem of a free text (line breaks and tabs allowed), if it has one. */
    public static Optional<InvalidValue> freeTextProblem(String field, String text) {
        return problem(field, text, true, MAX_FREE_TEXT);
    }

    public static String checkLine(String field, String text) {
        lineProblem(field, text).ifPresent(p -> {
            throw p;
        });
        return text;
    }

    public static String checkFreeText(String field, String text) {
        freeTextProblem(field, text).ifPresent(p -> {
            throw p;
        });
        return text;
    }

    private static Optional<InvalidValue> problem(String field, String text, boolean lineBreaks, int maxLength) {
        if (text == null) {
            return Optional.empty();
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            return Optional.of(new InvalidValue(field, "text.too-long",
                    "is longer than " + maxLength + " characters", maxLength));
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (forbidden(c, lineBreaks)) {
                String shown = String.format("U+%04X", c);
                return Optional.of(new InvalidValue(field, "text.forbidden-character",
                        "contains the character " + shown + ", which is not allowed in text", shown));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** Whether no text may hold this character ({@code lineBreaks}: whether line breaks and tabs are allowed). */
    public static boolean forbidden(int c, boolean lineBreaks) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return true;
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            return !lineBreaks;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF
                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
