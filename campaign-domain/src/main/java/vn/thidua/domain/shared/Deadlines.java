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
    /** The last instant (to the millisecond) of the day in Vietnam: "as of" a date includes all of that day. */
    public static Instant lastInstantOf(LocalDate date) {
        return endOf(date).minusMillis(1);
    }

    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public static boolean passed(LocalDate date, Instant now) {
        return !now.isBefore(endOf(date));
    }
}
