package vn.thidua.web.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thidua.query.projection.ProcessorPositions;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.store.EventTable;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * How far behind each event processor is, in events and in seconds, and how many events wait in its dead-letter
 * queue; read from the shared token and event tables, so every node reports the cluster-wide figure.
 */
@Component
public class ProcessorMonitor implements MeterBinder {
    private final ProcessorPositions positions;
    private final EventTable events;
    private final JdbcTemplate jdbc;
    private final ProjectionRebuilder rebuilder;
    private final Clock clock;

    public ProcessorMonitor(ProcessorPositions positions, EventTable events, JdbcTemplate jdbc,
                            ProjectionRebuilder rebuilder, Clock clock) {
        this.positions = positions;
        this.events = events;
        this.jdbc = jdbc;
        this.rebuilder = rebuilder;
        this.clock = clock;
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
        List<String> next = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ?"
                + " ORDER BY global_index LIMIT 1", String.class, position.orElse(-1));
        if (next.isEmpty()) {
            return 0;
        }
        return Math.max(0, (clock.millis() - Instant.parse(next.get(0)).toEpochMilli()) / 1000.0);
    }

    public long deadLetters(String processor) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class,
                processor);
        return n == null ? 0 : n;
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
