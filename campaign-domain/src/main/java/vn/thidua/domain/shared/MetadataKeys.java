package vn.thidua.domain.shared;

/** Names of the metadata every command and event carries, so "who said what and when" can be audited. */
public final class MetadataKeys {
    public static final String USER = "actorUser";
    public static final String UNIT = "actorUnit";
    public static final String ROLE = "actorRole";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";

    private MetadataKeys() {
    }
}
