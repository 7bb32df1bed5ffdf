package vn.thidua.web.app;

import vn.thidua.web.security.AppUser;

/**
 * Who asks for a use case and how: the signed-in user (the service decides which actor it acts as), the request's
 * correlation id and the client's own request id (both carried into every event's metadata), and how long the
 * answer waits for the projections.
 */
public record Caller(AppUser user, String correlationId, String clientRequestId, Consistency consistency) {

    /** The same caller, waiting as asked here (a page that reads its own write right after it). */
    public Caller waiting(Consistency other) {
        return new Caller(user, correlationId, clientRequestId, other);
    }
}
