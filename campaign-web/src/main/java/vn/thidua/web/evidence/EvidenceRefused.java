package vn.thidua.web.evidence;

/**
 * An upload refused for what its bytes are, before anything is recorded: too large ({@code TOO_LARGE}, 413) or of
 * a type the contract does not accept ({@code UNSUPPORTED_TYPE}, 415). {@code code} names the reason for clients
 * and for the form's Vietnamese message.
 */
public class EvidenceRefused extends RuntimeException {
    public enum Kind { TOO_LARGE, UNSUPPORTED_TYPE }

    private final Kind kind;
    private final String code;

    public EvidenceRefused(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
