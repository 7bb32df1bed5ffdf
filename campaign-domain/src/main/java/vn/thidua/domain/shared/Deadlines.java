package vn.thidua.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A deadline date means the end of that day in Asia/Ho_Chi_Minh (DESIGN.md). */
public final class Deadlines {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Deadlines() {
    }

    /** The first instant after the deadline day, i.e. midnight at the start of the next day in Vietnam. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public static boolean passed(LocalDate date, Instant now) {
        return !now.isBefore(endOf(date));
    }
}
