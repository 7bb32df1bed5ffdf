package vn.thidua.web.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock: the system clock, except while a replayed history (the 2021 demo, a test) pins it to
 * the instant the recorded action took place. Deadlines and event timestamps both read it.
 */
public class AppClock extends Clock {
    private final Clock system;
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public AppClock(Clock system) {
        this.system = system;
    }

    public void pin(Instant at) {
        pinned.set(at);
    }

    public void release() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at != null ? at : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AppClock(system.withZone(zone));
    }
}
