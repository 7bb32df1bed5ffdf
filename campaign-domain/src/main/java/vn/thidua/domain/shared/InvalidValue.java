package vn.thidua.domain.shared;

/**
 * Input that is malformed for its field (a number for a yes/no indicator, a value outside min/max, a bad code):
 * not a refused business rule but invalid input, answered with 400 and the field named.
 */
public class InvalidValue extends RuntimeException {
    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
