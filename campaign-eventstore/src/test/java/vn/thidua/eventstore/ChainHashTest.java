package vn.thidua.eventstore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored column and the previous hash change a link's hash; fields cannot be shifted into one another. */
class ChainHashTest {
    private static final RawEvent EVENT = new RawEvent(7, "e-1", "Participation", "participation:c:U1", 3,
            "2025-03-31T09:00:00Z", "vn.thidua.domain.participation.ReportSubmitted", null,
            "{\"values\":{\"REV\":104}}".getBytes(StandardCharsets.UTF_8),
            "{\"user\":\"off1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void isStableHexSha256() {
        assertThat(ChainHash.of(ChainHash.GENESIS, EVENT)).matches("[0-9a-f]{64}")
                .isEqualTo(ChainHash.of(ChainHash.GENESIS, copy(EVENT)));
    }

    @Test
    void everyColumnAndThePreviousHashCount() {
        String base = ChainHash.of(ChainHash.GENESIS, EVENT);
        List<UnaryOperator<RawEvent>> changes = List.of(
                e -> new RawEvent(8, e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(),
                        e.metaData()),
                e -> new RawEvent(e.position(), "e-2", e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(),
                        e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), null, e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(),
                        e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), "participation:c:U2",
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(),
                        e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(), 4,
                        e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), "2025-03-31T09:00:01Z", e.payloadType(), e.payloadRevision(),
                        e.payload(), e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), "vn.thidua.domain.participation.ReportCorrected",
                        e.payloadRevision(), e.payload(), e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), "2", e.payload(), e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(),
                        "{\"values\":{\"REV\":105}}".getBytes(StandardCharsets.UTF_8), e.metaData()),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), null),
                e -> new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                        e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(),
                        new byte[0]));
        for (UnaryOperator<RawEvent> change : changes) {
            assertThat(ChainHash.of(ChainHash.GENESIS, change.apply(EVENT))).isNotEqualTo(base);
        }
        assertThat(ChainHash.of(base, EVENT)).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesAreFixed() {
        // "ab" + "c" and "a" + "bc" in two adjacent text fields must not hash alike.
        RawEvent left = new RawEvent(1, "ab", "c", "s", 0, "t", "p", null, new byte[0], null);
        RawEvent right = new RawEvent(1, "a", "bc", "s", 0, "t", "p", null, new byte[0], null);
        assertThat(ChainHash.of(ChainHash.GENESIS, left)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, right));
    }

    private static RawEvent copy(RawEvent e) {
        return new RawEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload().clone(),
                e.metaData().clone());
    }
}
