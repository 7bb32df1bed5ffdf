package vn.thidua.web.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that carries its recorded time is handled, and its events stamped, at that time; nothing outside its
 * unit of work sees it.
 */
class AppClockTest {
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Instant RECORDED = Instant.parse("2021-03-15T02:30:00Z");

    private final AppClock clock = new AppClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRecordedCommandIsHandledAndItsEventsStampedAtItsRecordedTime() {
        Clock axon = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
        try {
            AtomicReference<Instant> inside = new AtomicReference<>();
            AtomicReference<Instant> stamped = new AtomicReference<>();
            DefaultUnitOfWork.startAndGet(new GenericCommandMessage<>("seed step",
                    MetaData.with(AppClock.RECORDED_AT, RECORDED))).execute(() -> {
                inside.set(clock.instant());
                stamped.set(new GenericDomainEventMessage<>("Participation", "p", 0, "event").getTimestamp());
                // Seen from another thread meanwhile, the clock is the system's.
                AtomicReference<Instant> elsewhere = new AtomicReference<>();
                Thread other = new Thread(() -> elsewhere.set(clock.instant()));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(elsewhere).hasValue(NOW);
            });
            assertThat(inside).hasValue(RECORDED);
            assertThat(stamped).hasValue(RECORDED);
            assertThat(clock.instant()).isEqualTo(NOW);
            assertThat(new GenericDomainEventMessage<>("Participation", "p", 1, "event").getTimestamp()).isEqualTo(NOW);
        } finally {
            GenericEventMessage.clock = axon;
        }
    }

    @Test
    void aCommandWithoutARecordedTimeAndAnyEventHandledSeeTheSystemTime() {
        AtomicReference<Instant> command = new AtomicReference<>();
        DefaultUnitOfWork.startAndGet(new GenericCommandMessage<>("request", MetaData.emptyInstance()))
                .execute(() -> command.set(clock.instant()));
        assertThat(command).hasValue(NOW);

        AtomicReference<Instant> event = new AtomicReference<>();
        DefaultUnitOfWork.startAndGet(new GenericEventMessage<>("event", MetaData.with(AppClock.RECORDED_AT, RECORDED)))
                .execute(() -> event.set(clock.instant()));
        assertThat(event).as("only a command's recorded time counts").hasValue(NOW);
    }

    @Test
    void theRecordedTimeMayTravelAsText() {
        AtomicReference<Instant> inside = new AtomicReference<>();
        DefaultUnitOfWork.startAndGet(new GenericCommandMessage<>("seed step",
                MetaData.with(AppClock.RECORDED_AT, RECORDED.toString()))).execute(() -> inside.set(clock.instant()));
        assertThat(inside).hasValue(RECORDED);
    }

    @Test
    void aTestMayStillPinTheClockForEveryone() {
        clock.pin(RECORDED);
        assertThat(clock.instant()).isEqualTo(RECORDED);
        clock.release();
        assertThat(clock.instant()).isEqualTo(NOW);
    }
}
