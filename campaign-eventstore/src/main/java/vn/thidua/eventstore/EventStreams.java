package vn.thidua.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads whole event streams, and finds the streams that begin with a given event type. */
@Component
public class EventStreams {
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public EventStreams(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Every event of the stream from its first, never a snapshot: views fold the history themselves. */
    public List<DomainEventMessage<?>> read(String streamId) {
        DomainEventStream stream = eventStore.readEvents(streamId, 0);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return events;
    }

    public List<String> streamsStartedBy(Class<?> firstEventType) {
        return jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?"
                + " AND sequence_number = 0 ORDER BY global_index", String.class, firstEventType.getName());
    }
}
