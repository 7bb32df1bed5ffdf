package vn.thidua.command.campaign;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.thidua.command.testsupport.Fixtures;
import vn.thidua.domain.campaign.ApproveLeagueTable;
import vn.thidua.domain.campaign.AssignInspection;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.InspectionAssigned;
import vn.thidua.domain.campaign.LeagueTableApproved;
import vn.thidua.domain.scoring.LeagueRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.H1;
import static vn.thidua.command.testsupport.SampleCampaign.HEAD;
import static vn.thidua.command.testsupport.SampleCampaign.OUTSIDER;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.U3;
import static vn.thidua.command.testsupport.SampleCampaign.sample;

@DisplayName("Campaign: cross-inspection teams and the meeting's approval of the table")
class InspectionAndApprovalTest {
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.campaign();
    }

    @Nested
    class Inspections {
        @Test
        void theHeadSendsAUnitToInspectOthers() {
            fixture.given(sample().launched())
                    .when(new AssignInspection(CAMPAIGN, "i1", H1, U3, List.of(U2, HEAD)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InspectionAssigned(CAMPAIGN, "i1", H1, U3, List.of(U2, HEAD)));
        }

        @Test
        void aUnitNeverInspectsItself() {
            fixture.given(sample().launched())
                    .when(new AssignInspection(CAMPAIGN, "i1", H1, U3, List.of(U2, U3)))
                    .expectException(violates("inspection.self"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnInspectorOutsideTheCluster() {
            fixture.given(sample().launched())
                    .when(new AssignInspection(CAMPAIGN, "i1", H1, OUTSIDER, List.of(U2)))
                    .expectException(violates("inspection.inspector-not-member"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnInspectedUnitOutsideTheCluster() {
            fixture.given(sample().launched())
                    .when(new AssignInspection(CAMPAIGN, "i1", H1, U3, List.of(OUTSIDER)))
                    .expectException(violates("inspection.unit-not-member"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownPeriod() {
            fixture.given(sample().launched())
                    .when(new AssignInspection(CAMPAIGN, "i1", "Q9", U3, List.of(U2)))
                    .expectException(violates("inspection.unknown-period"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameInspectionTwice() {
            fixture.given(sample().launched(), new InspectionAssigned(CAMPAIGN, "i1", H1, U3, List.of(U2)))
                    .when(new AssignInspection(CAMPAIGN, "i1", H1, U3, List.of(U2)))
                    .expectException(violates("inspection.exists"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnInspectionAfterTheClose() {
            fixture.given(sample().launched(), new CampaignClosed(CAMPAIGN))
                    .when(new AssignInspection(CAMPAIGN, "i1", H1, U3, List.of(U2)))
                    .expectException(violates("campaign.closed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approval {
        private final LocalDate meeting = LocalDate.of(2026, 1, 15);
        private final List<LeagueRow> rows = List.of(row(1, U2, false), row(2, U3, false));

        private static LeagueRow row(int rank, String unit, boolean provisional) {
            return new LeagueRow(rank, unit, "Đơn vị " + unit, new BigDecimal("87.5000"), provisional,
                    Map.of("KT", new BigDecimal("87.5000")), Map.of("REV", new BigDecimal("87.5000")),
                    BigDecimal.ZERO);
        }

        private ApproveLeagueTable approve(List<LeagueRow> table, List<String> provisional, LocalDate date) {
            return new ApproveLeagueTable(CAMPAIGN, "a1", date, "Hội nghị cụm thống nhất", 1, 42L, table,
                    provisional);
        }

        @Test
        void theMeetingApprovesTheClosedCampaignsTableWithItsRows() {
            fixture.given(sample().launched(), new CampaignClosed(CAMPAIGN))
                    .when(approve(rows, List.of(), meeting))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeagueTableApproved(CAMPAIGN, "a1", meeting, "Hội nghị cụm thống nhất", 1, 42L,
                            rows));
        }

        @Test
        void refusesAnApprovalBeforeTheClose() {
            fixture.given(sample().launched())
                    .when(approve(rows, List.of(), meeting))
                    .expectException(violates("league-table.approval-before-close"))
                    .expectNoEvents();
        }

        @Test
        void refusesATableWithAProvisionalRow() {
            fixture.given(sample().launched(), new CampaignClosed(CAMPAIGN))
                    .when(approve(List.of(row(1, U2, false), row(2, U3, true)), List.of(U3), meeting))
                    .expectException(violates("league-table.provisional-rows"))
                    .expectNoEvents();
        }

        @Test
        void refusesASecondApproval() {
            fixture.given(sample().launched(), new CampaignClosed(CAMPAIGN),
                            new LeagueTableApproved(CAMPAIGN, "a0", meeting, null, 1, 40L, rows))
                    .when(approve(rows, List.of(), meeting))
                    .expectException(violates("league-table.already-approved"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMeetingDateInTheFuture() {
            fixture.given(sample().launched(), new CampaignClosed(CAMPAIGN))
                    .when(approve(rows, List.of(), LocalDate.of(2026, 1, 21)))
                    .expectException(violates("league-table.meeting-in-future"))
                    .expectNoEvents();
        }
    }
}
