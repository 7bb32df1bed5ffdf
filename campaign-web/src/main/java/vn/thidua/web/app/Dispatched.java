package vn.thidua.web.app;

/**
 * What a sent command answered (its handler's result), and the projection that had not caught up with it when the
 * caller's {@link Consistency} gave up waiting (null when none was asked or all caught up).
 */
public record Dispatched<T>(T result, String notCaughtUp) {
}
