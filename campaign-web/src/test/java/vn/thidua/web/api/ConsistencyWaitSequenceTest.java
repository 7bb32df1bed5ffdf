package vn.thidua.web.api;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.query.league.CampaignSequencing;
import vn.thidua.query.league.LeagueTableProjection;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Consistency: wait asks the segment that handles the write, under each processor's own sequencing. */
class ConsistencyWaitSequenceTest {
    @Test
    void theLeagueTableFilesAReportUnderItsCampaignTheOthersUnderItsStream() {
        String stream = StreamIds.participation("cum-2-2026", "BA_THUOC");
        Object leagueTableSequence = new CampaignSequencing().getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Participation", stream, 4,
                        new ReportSubmitted(stream, "cum-2-2026", "BA_THUOC", "Q1", Map.of(), false)));

        assertThat(ConsistencyWait.sequenceOf(LeagueTableProjection.GROUP, stream)).isEqualTo(leagueTableSequence);
        assertThat(ConsistencyWait.sequenceOf("audit", stream)).isEqualTo(stream);
        assertThat(ConsistencyWait.sequenceOf("unit-progress", stream)).isEqualTo(stream);
    }
}
