package vn.thidua.domain.shared;

import java.util.regex.Pattern;

/** The code syntax of the contract: cluster, unit, indicator, period and content codes. */
public final class Codes {
    public static final String PATTERN = "[A-Za-z0-9_-]{1,40}";
    /** Campaign and commendation ids may be UUIDs or readable slugs; the same alphabet, a little longer. */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    private static final Pattern CODE = Pattern.compile(PATTERN);
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private Codes() {
    }

    public static boolean isCode(String s) {
        return s != null && CODE.matcher(s).matches();
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }
}
