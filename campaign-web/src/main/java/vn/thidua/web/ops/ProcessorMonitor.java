package vn.thidua.web.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.thidua.eventstore.ProcessorPositions;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.eventstore.EventTable;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far behind each event processor is, in events and in seconds, read from the shared token and event tables, and
 * what waits in its dead-letter queue, asked of Axon's {@link SequencedDeadLetterQueue} of the processing group
 * (kept in the shared dead-letter table), so every node reports the cluster-wide figure.
 */
@Component
public class ProcessorMonitor implements MeterBinder {
    private final ProcessorPositions positions;
    private final EventTable events;
    private final ProjectionRebuilder rebuilder;
    private final Clock clock;
    /** Looked up when first asked: this binder is created with the meter registry, before Axon's configuration. */
    private final ObjectProvider<EventProcessingConfiguration> processing;

    /**
     * The first dead letter of a processing group: the event's type and, when tracked, its position in the event
     * stream; the cause's type and message, when recorded; when it was enqueued.
     */
    public record FirstDeadLetter(String eventType, Long position, String causeType, String causeMessage,
                                  Instant enqueuedAt) {
    }

    public ProcessorMonitor(ProcessorPositions positions, EventTable events,
                            ProjectionRebuilder rebuilder, Clock clock,
                            ObjectProvider<EventProcessingConfiguration> processing) {
        this.positions = positions;
        this.events = events;
        this.rebuilder = rebuilder;
        this.clock = clock;
        this.processing = processing;
    }

    public List<String> processors() {
        return rebuilder.names();
    }

    public long lagEvents(String processor) {
        long head = events.headPosition();
        OptionalLong position = positions.position(processor);
        return position.isPresent() ? Math.max(0, head - position.getAsLong()) : head;
    }

    /** Age of the oldest event the processor has not reached yet; 0 when it is caught up. */
    public double lagSeconds(String processor) {
        OptionalLong position = positions.position(processor);
        return events.recordedAfter(position.orElse(-1))
                .map(next -> Math.max(0, (clock.millis() - next.toEpochMilli()) / 1000.0)).orElse(0.0);
    }

    /** The events parked in the processor's dead-letter queue (its {@code size()}); 0 without a queue. */
    public long deadLetters(String processor) {
        return deadLetterQueue(processor).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** The sequences (here: campaigns or streams) the dead letters block ({@code amountOfSequences()}). */
    public long deadLetterSequences(String processor) {
        return deadLetterQueue(processor).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
    }

    /** The first letter of the queue's first sequence, as the queue iterates them; empty when there is none. */
    public Optional<FirstDeadLetter> firstDeadLetter(String processor) {
        return deadLetterQueue(processor).flatMap(queue -> {
            Iterator<Iterable<DeadLetter<? extends EventMessage<?>>>> sequences = queue.deadLetters().iterator();
            if (!sequences.hasNext()) {
                return Optional.empty();
            }
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequences.next().iterator();
            if (!letters.hasNext()) {
                return Optional.empty();
            }
            DeadLetter<? extends EventMessage<?>> letter = letters.next();
            EventMessage<?> message = letter.message();
            Long position = null;
            if (message instanceof TrackedEventMessage<?> tracked) {
                TrackingToken token = tracked.trackingToken();
                OptionalLong at = token == null ? OptionalLong.empty() : token.position();
                position = at.isPresent() ? at.getAsLong() : null;
            }
            Optional<Cause> cause = letter.cause();
            return Optional.of(new FirstDeadLetter(message.getPayloadType().getName(), position,
                    cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null),
                    letter.enqueuedAt()));
        });
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String processor) {
        return processing.getObject().deadLetterQueue(processor);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : processors()) {
            Gauge.builder("thidua.processor.lag.events", this, m -> m.lagEvents(processor))
                    .description("Events written but not yet handled by the processor").tag("processor", processor)
                    .register(registry);
            Gauge.builder("thidua.processor.lag.seconds", this, m -> m.lagSeconds(processor))
                    .description("Age of the oldest event the processor has not handled yet").baseUnit("seconds")
                    .tag("processor", processor).register(registry);
            Gauge.builder("thidua.processor.dead.letters", this, m -> m.deadLetters(processor))
                    .description("Events parked in the processor's dead-letter queue").tag("processor", processor)
                    .register(registry);
        }
    }
}
