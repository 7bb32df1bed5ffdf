package vn.thidua.command.testsupport;

import vn.thidua.domain.shared.Deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test sets to a Vietnamese local time before the command is dispatched. */
public final class MutableClock extends Clock {
    private Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** A clock reading the given wall-clock time in Asia/Ho_Chi_Minh. */
    public static MutableClock atVietnamTime(String localDateTime) {
        return new MutableClock(vietnamTime(localDateTime));
    }

    public static Instant vietnamTime(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Deadlines.ZONE).toInstant();
    }

    public void setVietnamTime(String localDateTime) {
        this.now = vietnamTime(localDateTime);
    }

    @Override
    public ZoneId getZone() {
        return Deadlines.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
