package vn.thidua.web.evidence;

import java.text.Normalizer;

/**
 * A file name as the uploader's browser sent it, made safe to keep and to send back: any path (Unix or Windows)
 * dropped, composed to NFC, control and format characters (including bidirectional overrides) removed, leading dots
 * and surrounding blanks trimmed, at most {@link #MAX_CHARS} characters (the extension kept). Nothing left: a
 * neutral name. The name is never used to decide the file's type.
 */
public final class EvidenceFileNames {
    public static final int MAX_CHARS = 200;
    static final String FALLBACK = "minh-chung";

    private EvidenceFileNames() {
    }

    public static String clean(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE
                    && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR) {
                kept.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
        });
        name = kept.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1).strip();
        }
        if (name.isEmpty()) {
            return FALLBACK;
        }
        if (name.codePointCount(0, name.length()) > MAX_CHARS) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String base = ext.isEmpty() ? name : name.substring(0, dot);
            int keep = MAX_CHARS - ext.length();
            base = base.substring(0, base.offsetByCodePoints(0, Math.min(keep, base.codePointCount(0, base.length()))));
            name = base.strip() + ext;
        }
        return name;
    }
}
