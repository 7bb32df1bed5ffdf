package vn.thidua.web.app;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.query.league.CampaignSequencing;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Consistency: wait asks the segment that handles the write, under the processor's configured sequencing policy. */
class ConsistencyWaitSequenceTest {
    @Test
    void aCampaignPolicyFilesAReportUnderItsCampaignTheDefaultUnderItsStream() {
        String stream = StreamIds.participation("cum-2-2026", "BA_THUOC");
        Object leagueTableSequence = new CampaignSequencing().getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Participation", stream, 4,
                        new ReportSubmitted(stream, "cum-2-2026", "BA_THUOC", "Q1", Map.of(), false)));

        assertThat(ConsistencyWait.sequenceOf(new CampaignSequencing(), stream)).isEqualTo(leagueTableSequence);
        assertThat(ConsistencyWait.sequenceOf(SequentialPerAggregatePolicy.instance(), stream)).isEqualTo(stream);
    }
}
