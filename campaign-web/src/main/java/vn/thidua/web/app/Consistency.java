package vn.thidua.web.app;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a write answers as soon as its event is stored, or only once projections have processed it: all of them
 * ({@code Consistency: wait}) or those named ({@code Consistency: wait; projections=league-table,audit}).
 * Passed explicitly from the controller that received the request to the service that sends the command.
 */
public record Consistency(boolean await, List<String> projections) {
    public static final String HEADER = "Consistency";
    public static final Consistency STORED = new Consistency(false, List.of());
    public static final Consistency ALL_PROJECTIONS = new Consistency(true, List.of());

    public Consistency {
        projections = projections == null ? List.of() : List.copyOf(projections);
    }

    /** Waits for just these projections. */
    public static Consistency of(String... projections) {
        return new Consistency(true, List.of(projections));
    }

    /** The request's {@code Consistency} header; absent or not {@code wait…}: answer once stored. */
    public static Consistency fromHeader(String header) {
        if (header == null || !header.trim().toLowerCase().startsWith("wait")) {
            return STORED;
        }
        int at = header.indexOf("projections=");
        if (at < 0) {
            return ALL_PROJECTIONS;
        }
        return new Consistency(true, Arrays.stream(header.substring(at + "projections=".length())
                .split("[,;\\s]+")).filter(s -> !s.isBlank()).toList());
    }

    /** Every projection when none is named. */
    public boolean allProjections() {
        return projections.isEmpty();
    }
}
