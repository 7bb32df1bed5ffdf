package vn.thidua.query.league;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.shared.StreamIds;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One campaign, one sequence; and the stream alone names the same sequence, for Consistency: wait. */
class CampaignSequencingTest {
    private final CampaignSequencing policy = new CampaignSequencing();

    @Test
    void aParticipationsEventsShareTheirCampaignsSequence() {
        String stream = StreamIds.participation("cum-2-2026", "BA_THUOC");
        Object report = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Participation", stream, 3,
                new ReportSubmitted(stream, "cum-2-2026", "BA_THUOC", "Q1", Map.of(), false)));
        Object close = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Campaign",
                StreamIds.campaign("cum-2-2026"), 5, new CampaignClosed("cum-2-2026")));

        assertThat(report).isEqualTo(close).isEqualTo(StreamIds.campaign("cum-2-2026"));
        assertThat(CampaignSequencing.ofStream(stream)).isEqualTo(report);
        assertThat(CampaignSequencing.ofStream(StreamIds.campaign("cum-2-2026"))).isEqualTo(close);
    }

    @Test
    void otherStreamsKeepTheirOwnSequence() {
        String stream = StreamIds.cluster("CUM_II");
        Object registered = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Cluster", stream, 0,
                new ClusterRegistered("CUM_II", "Cụm II", java.util.List.of(), "HEAD")));
        assertThat(registered).isEqualTo(stream).isEqualTo(CampaignSequencing.ofStream(stream));
    }

    @Test
    void anEventThatCannotBeReadTakesItsCampaignsSequenceFromItsStream() {
        String stream = StreamIds.participation("cum-2-2026", "BA_THUOC");
        GenericDomainEventMessage<Object> unreadable = new GenericDomainEventMessage<>("Participation", stream, 4,
                new Object()) {
            @Override
            public Object getPayload() {
                throw new org.axonframework.serialization.SerializationException("not the JSON of its type");
            }
        };
        assertThat(policy.getSequenceIdentifierFor(unreadable)).isEqualTo(StreamIds.campaign("cum-2-2026"));
    }
}
