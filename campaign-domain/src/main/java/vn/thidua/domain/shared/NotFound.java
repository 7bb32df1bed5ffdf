package vn.thidua.domain.shared;

/** A command or query named a cluster, campaign, participation or commendation that does not exist. */
public class NotFound extends RuntimeException {
    private final String kind;
    private final String id;

    public NotFound(String kind, String id) {
        super(kind + " '" + id + "' does not exist");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
