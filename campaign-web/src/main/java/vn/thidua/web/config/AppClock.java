package vn.thidua.web.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock, which deadlines and event timestamps both read (it is Axon's event clock, set once when
 * the application is configured). It answers the system time, except:
 * <ul>
 *     <li>while a command that carries {@link #RECORDED_AT} in its metadata is handled, that instant, for that
 *     command alone: a replayed history (the demo seed) dates each of its commands, its deadline checks and its
 *     events, without changing the time anyone else sees;</li>
 *     <li>while a test pins it ({@link #pin}), the pinned instant, for everyone.</li>
 * </ul>
 */
public class AppClock extends Clock {
    /**
     * Metadata of a command replaying recorded history: the {@link Instant} (or its ISO text) it was sent at. Set
     * only by the application itself (the demo seed), never from a request; not copied to the events, which carry it
     * as their timestamp instead.
     */
    public static final String RECORDED_AT = "recordedAt";

    private final Clock system;
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public AppClock(Clock system) {
        this.system = system;
    }

    /** For tests: every reader sees {@code at} until {@link #release}. */
    public void pin(Instant at) {
        pinned.set(at);
    }

    public void release() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant recorded = recordedAtOfCurrentCommand();
        if (recorded != null) {
            return recorded;
        }
        Instant at = pinned.get();
        return at != null ? at : system.instant();
    }

    /** The instant the command being handled on this thread (the nearest one) was recorded at, if it replays history. */
    static Instant recordedAtOfCurrentCommand() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        while (!(unit.getMessage() instanceof CommandMessage<?>)) {
            unit = unit.parent().orElse(null);
            if (unit == null) {
                return null;
            }
        }
        Object at = unit.getMessage().getMetaData().get(RECORDED_AT);
        if (at instanceof Instant instant) {
            return instant;
        }
        return at instanceof String text ? Instant.parse(text) : null;
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
