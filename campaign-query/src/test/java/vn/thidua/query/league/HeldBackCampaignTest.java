package vn.thidua.query.league;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.testsupport.Deliver;
import vn.thidua.query.testsupport.SmallCampaign;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thidua.query.testsupport.SmallCampaign.A;
import static vn.thidua.query.testsupport.SmallCampaign.B;
import static vn.thidua.query.testsupport.SmallCampaign.C;
import static vn.thidua.query.testsupport.SmallCampaign.ID;
import static vn.thidua.query.testsupport.SmallCampaign.JULY;
import static vn.thidua.query.testsupport.SmallCampaign.LAUNCH;
import static vn.thidua.query.testsupport.SmallCampaign.participation;
import static vn.thidua.query.testsupport.SmallCampaign.values;

/**
 * An event no reader can read (planted in the event table) holds back its own campaign's league table, at the table
 * as it stood before that event, and no other campaign's; a rebuild gives the same rows and names the event.
 */
class HeldBackCampaignTest {
    private static final String OTHER = "other";

    private LeagueTableRig rig;
    private LeagueTableProjection projection;

    @BeforeEach
    void setUp() {
        rig = new LeagueTableRig();
        projection = rig.projection();
    }

    private TrackedEventMessage<?> append(String stream, String type, Object event, Instant at) {
        return rig.store.appendDelivered(stream, type, event, at, "tester");
    }

    private void record(String stream, String type, Object event, Instant at) {
        TrackedEventMessage<?> message = append(stream, type, event, at);
        Deliver.to(projection, message);
    }

    private static CampaignLaunched other() {
        CampaignLaunched l = SmallCampaign.launched();
        return new CampaignLaunched(OTHER, l.clusterCode(), l.year(), "Thi đua khác", l.headUnit(), l.members(),
                l.pledgeDeadline(), l.periods(), l.contents(), l.scoringRules());
    }

    private List<Map<String, Object>> rows(String campaignId) {
        return rig.store.jdbc.queryForList("SELECT unit_code, rank, total, provisional FROM league_table_row"
                + " WHERE campaign_id = ? AND generation = ? ORDER BY position", campaignId,
                rig.states.activeGeneration(LeagueTableProjection.NAME));
    }

    @Test
    void anUnreadableEventHoldsBackItsCampaignOnlyAndARebuildAgreesAndNamesIt() {
        SmallCampaign.launchPledgeAndReport(this::record);
        String otherA = StreamIds.participation(OTHER, A);
        record(StreamIds.campaign(OTHER), "Campaign", other(), LAUNCH);
        record(otherA, "Participation", new PledgeSubmitted(otherA, OTHER, A, values("100", "1")),
                LAUNCH.plusSeconds(30));
        List<Map<String, Object>> smallBefore = rows(ID);

        long planted = rig.store.appendRaw(participation(C), "Participation", PledgeSubmitted.class.getName(),
                "{\"participationId\":\"participation:small:C\",\"targets\":{\"Q\":".getBytes(StandardCharsets.UTF_8),
                JULY.plusSeconds(10));

        // After a restart (nothing in memory), the next events: one of the held campaign, one of another.
        projection = rig.projection();
        TrackedEventMessage<?> held = append(participation(B), "Participation",
                new ReportSubmitted(participation(B), ID, B, "P2", values("140", "1"), false), JULY.plusSeconds(20));
        assertThatThrownBy(() -> Deliver.to(projection, held))
                .isInstanceOf(CampaignHeldBack.class)
                .hasMessageContaining("position " + planted)
                .hasMessageContaining("PledgeSubmitted of participation:small:C");
        record(otherA, "Participation", new ReportSubmitted(otherA, OTHER, A, "P1", values("110", "1"), false),
                JULY.plusSeconds(30));

        assertThat(rows(ID)).as("the held campaign's table as it stood before the unreadable event")
                .isEqualTo(smallBefore);
        LeagueTableQueries queries = rig.queries();
        assertThat(queries.handle(new LeagueTableQuery(OTHER, null, null)).row(A).orElseThrow().total())
                .as("another campaign goes on").isEqualByComparingTo("106");

        List<Map<String, Object>> smallLive = rows(ID);
        List<Map<String, Object>> otherLive = rows(OTHER);
        ProjectionRebuilder rebuilder = new ProjectionRebuilder(List.of(projection), rig.states, rig.events,
                rig.store.transactions);
        rebuilder.replayNow(LeagueTableProjection.NAME);
        assertThat(rig.states.status(LeagueTableProjection.NAME).status()).isEqualTo("LIVE");
        assertThat(rows(ID)).isEqualTo(smallLive);
        assertThat(rows(OTHER)).isEqualTo(otherLive);
        assertThat(rig.states.status(LeagueTableProjection.NAME).message())
                .contains("1 event(s) could not be read", "position " + planted, StreamIds.campaign(ID));
    }
}
