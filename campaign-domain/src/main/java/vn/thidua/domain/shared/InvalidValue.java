package vn.thidua.domain.shared;

/**
 * Input that is malformed for its field (a number for a yes/no indicator, a value outside min/max, a bad code):
 * not a refused business rule but invalid input, answered with 400 and the field named. The {@code code} is a
 * stable machine-readable name of the problem (for example {@code number.too-large}) that the UI maps to a
 * message, as {@link RuleViolation#rule()} is for rules; the message is an English sentence for the API.
 */
public class InvalidValue extends RuntimeException {
    /** The code of the problems that have none of their own yet. */
    public static final String UNSPECIFIED = "invalid";

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    public InvalidValue(String field, String message) {
        this(field, UNSPECIFIED, message);
    }

    public InvalidValue(String field, String code, String message, Object... arguments) {
        super(message);
        this.field = field;
        this.code = code;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    /** What the message names besides the field (a limit, a character), for the UI's own sentence. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
