package vn.thidua.query.store;

import vn.thidua.eventstore.EventTable;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.query.testsupport.TestEventStore;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream-head reads behind the aggregate cache's check, the campaign terms and {@code Consistency: wait}, on
 * the real schema (H2 with the application's migrations).
 */
class LastSequenceOfStreamTest {
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private final TestEventStore store = new TestEventStore();
    private final EventTable events = new EventTable(store.jdbc, store.transactions);

    private long append(String stream) {
        return store.append(stream, "Participation", new CampaignClosed("c"), AT, "tester");
    }

    @Test
    void answersTheHighestSequenceOfThatStreamOnly() {
        for (int s = 0; s <= 2; s++) {
            append("participation-a");
        }
        long lastOfB = 0;
        for (int s = 0; s <= 7; s++) {
            lastOfB = append("participation-b");
        }
        long lastOfA = append("participation-a");

        assertThat(events.lastSequenceOf("participation-a")).contains(3L);
        assertThat(events.lastSequenceOf("participation-b")).contains(7L);
        assertThat(events.lastPositionOf("participation-a")).isEqualTo(lastOfA);
        assertThat(events.lastPositionOf("participation-b")).isEqualTo(lastOfB);
    }

    @Test
    void anEmptyStreamHasNoLastSequence() {
        append("participation-a");

        assertThat(events.lastSequenceOf("participation-none")).isEqualTo(Optional.empty());
        assertThat(events.lastPositionOf("participation-none")).isEqualTo(-1);
    }
}
