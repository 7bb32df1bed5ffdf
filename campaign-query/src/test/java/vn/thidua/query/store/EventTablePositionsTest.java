package vn.thidua.query.store;

import vn.thidua.eventstore.EventTable;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.dao.EmptyResultDataAccessException;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.query.testsupport.CountingJdbcTemplate;
import vn.thidua.query.testsupport.TestEventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTablePositionsTest {
    private static final Instant AT = Instant.parse("2025-05-01T00:00:00Z");

    private final TestEventStore store = new TestEventStore();
    private final CountingJdbcTemplate counting = new CountingJdbcTemplate(store.jdbc);
    private final EventTable events = new EventTable(counting, store.transactions);

    /** Appends events and answers them as a processor delivers them: with the identifiers the table holds. */
    private List<EventMessage<?>> appended(int n) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long position = store.append("campaign-" + i, "Campaign", new CampaignClosed("c" + i), AT, "tester");
            Map<String, Object> row = store.jdbc.queryForMap(
                    "SELECT event_identifier, aggregate_identifier FROM domain_event_entry WHERE global_index = ?",
                    position);
            messages.add(new GenericDomainEventMessage<>("Campaign", (String) row.get("aggregate_identifier"), 0,
                    new CampaignClosed("c" + i), MetaData.emptyInstance(), (String) row.get("event_identifier"), AT));
        }
        return messages;
    }

    private long positionInTable(EventMessage<?> message) {
        return store.jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, message.getIdentifier());
    }

    @Test
    void inAProcessorsBatchThePositionsOfAllItsEventsAreReadInOneQuery() throws Exception {
        List<EventMessage<?>> batch = appended(5);
        List<Long> positions = new ArrayList<>();

        new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            positions.add(events.positionOf((EventMessage<?>) CurrentUnitOfWork.get().getMessage()));
            return null;
        });

        assertThat(positions).containsExactlyElementsOf(batch.stream().map(this::positionInTable).toList());
        assertThat(positions).doesNotHaveDuplicates();
        assertThat(counting.positionQueries()).isEqualTo(1);
    }

    @Test
    void outsideABatchEachEventIsLookedUpAloneAndAnEventNotInTheTableIsAnError() {
        List<EventMessage<?>> two = appended(2);

        assertThat(events.positionOf(two.get(1))).isEqualTo(positionInTable(two.get(1)));
        assertThat(counting.positionQueries()).isEqualTo(1);
        EventMessage<?> unknown = new GenericDomainEventMessage<>("Campaign", "campaign-x", 0,
                new CampaignClosed("x"));
        assertThatThrownBy(() -> events.positionOf(unknown)).isInstanceOf(EmptyResultDataAccessException.class);
    }

    @Test
    void manyIdentifiersAreReadInChunks() {
        List<EventMessage<?>> many = appended(501);

        Map<String, Long> positions = events.positionsOf(many.stream().map(EventMessage::getIdentifier).toList());

        assertThat(positions).hasSize(501);
        assertThat(positions.get(many.get(500).getIdentifier())).isEqualTo(positionInTable(many.get(500)));
        assertThat(counting.positionQueries()).isEqualTo(2);
    }
}
