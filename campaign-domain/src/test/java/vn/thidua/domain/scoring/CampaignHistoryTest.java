package vn.thidua.domain.scoring;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.domain.campaign.Direction.HIGHER_IS_BETTER;
import static vn.thidua.domain.scoring.Fixture.CAMPAIGN;
import static vn.thidua.domain.scoring.Fixture.d;
import static vn.thidua.domain.scoring.Fixture.values;

class CampaignHistoryTest {
    private static final ScoringRules V2 = new ScoringRules(2, ScoringMethod.LEADER_INTERPOLATED, null, null, null,
            null);

    private final CampaignLaunched launched = new Fixture().member("A", "Bá Thước").member("B", "Cẩm Thủy")
            .content("I", Fixture.quantitative("X", HIGHER_IS_BETTER, "10")).launched();

    private List<Object> events() {
        return List.of(
                new PledgeSubmitted("p-A", CAMPAIGN, "A", values("X", 100)),
                new PledgeRevised("p-A", CAMPAIGN, "A", values("X", 120), values("X", 100)),
                new ReportSubmitted("p-A", CAMPAIGN, "A", "Q1", values("X", 40), true),
                new ReportVerified("p-A", CAMPAIGN, "A", "Q1", values("X", 35), values("X", 35), "ok"),
                new ReportSubmitted("p-A", CAMPAIGN, "A", "Q2", values("X", 70), false),
                new ReportRejected("p-A", CAMPAIGN, "A", "Q2", "thiếu minh chứng"),
                new ReportSubmitted("p-B", CAMPAIGN, "B", "Q1", values("X", 10), false),
                new ReportVerified("p-B", CAMPAIGN, "B", "Q1", values("X", 10), Map.of(), "ok"),
                new ReportCorrected("p-B", CAMPAIGN, "B", "Q1", values("X", 12), values("X", 10), "gõ nhầm", true),
                new ReportSubmitted("p-B", "another-campaign", "B", "Q2", values("X", 99), false),
                "not an event",
                new ScoringRulesPublished(CAMPAIGN, V2),
                new CampaignClosed(CAMPAIGN));
    }

    private CampaignHistory fold() {
        CampaignHistory history = CampaignHistory.start(launched);
        events().forEach(history::apply);
        return history;
    }

    @Test
    void folds_pledges_reports_and_verdicts() {
        CampaignHistory h = fold();

        UnitSubmissions a = h.unit("A").orElseThrow();
        assertThat(a.targets()).containsExactly(Map.entry("X", d("120")));
        assertThat(a.hasPledged()).isTrue();
        assertThat(a.pledgeRevision()).isEqualTo(1);
        assertThat(a.report("Q1")).isEqualTo(new PeriodReport(values("X", 40), values("X", 35), ReportStatus.VERIFIED,
                true, 0, "ok"));
        assertThat(a.report("Q1").countedValues()).containsExactly(Map.entry("X", d("35")));
        assertThat(a.report("Q2")).isEqualTo(new PeriodReport(values("X", 70), null, ReportStatus.REJECTED, false, 0,
                "thiếu minh chứng"));
        assertThat(a.report("Q2").countedValues()).isNull();

        UnitSubmissions b = h.unit("B").orElseThrow();
        assertThat(b.targets()).isEmpty();
        assertThat(b.hasPledged()).isFalse();
        // corrected after verification: back to SUBMITTED, verified values gone, first submission was on time
        assertThat(b.report("Q1")).isEqualTo(new PeriodReport(values("X", 12), null, ReportStatus.SUBMITTED, false, 1,
                "gõ nhầm"));
        assertThat(b.reports()).containsOnlyKeys("Q1");
    }

    @Test
    void folds_the_campaign_terms() {
        CampaignHistory h = fold();
        assertThat(h.campaignId()).isEqualTo(CAMPAIGN);
        assertThat(h.terms().rules()).isEqualTo(V2);
        assertThat(h.terms().ruleHistory()).hasSize(2);
        assertThat(h.terms().closed()).isTrue();
        assertThat(h.units()).extracting(UnitSubmissions::unitCode).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void counts_the_events_of_its_own_campaign_only() {
        // 13 items: one of another campaign and one that is no event; the launch counts too.
        assertThat(fold().eventsApplied()).isEqualTo(1 + 11);
        CampaignHistory interleaved = CampaignHistory.start(launched);
        List<Object> reversedStreams = new java.util.ArrayList<>(events().subList(6, 9));
        reversedStreams.addAll(events().subList(0, 6));
        reversedStreams.addAll(events().subList(9, 13));
        reversedStreams.forEach(interleaved::apply);
        assertThat(interleaved.eventsApplied()).isEqualTo(fold().eventsApplied());
        assertThat(interleaved).isEqualTo(fold());
    }

    @Test
    void the_same_events_give_the_same_state() {
        assertThat(fold()).isEqualTo(fold());
        assertThat(fold().hashCode()).isEqualTo(fold().hashCode());
        CampaignHistory shorter = CampaignHistory.start(launched);
        events().subList(0, 5).forEach(shorter::apply);
        assertThat(shorter).isNotEqualTo(fold());
    }

    @Test
    void keeps_its_own_copy_of_the_event_values() {
        Map<String, BigDecimal> values = new HashMap<>(values("X", 40));
        CampaignHistory h = CampaignHistory.start(launched);
        h.apply(new ReportSubmitted("p-A", CAMPAIGN, "A", "Q1", values, false));
        values.put("X", d("999"));
        assertThat(h.unit("A").orElseThrow().report("Q1").reported()).containsExactly(Map.entry("X", d("40")));
    }

    @Test
    void a_correction_keeps_the_lateness_of_the_first_submission() {
        CampaignHistory h = CampaignHistory.start(launched);
        h.apply(new ReportSubmitted("p-A", CAMPAIGN, "A", "Q1", values("X", 1), true));
        h.apply(new ReportCorrected("p-A", CAMPAIGN, "A", "Q1", values("X", 2), values("X", 1), "r", false));
        h.apply(new ReportSubmitted("p-A", CAMPAIGN, "A", "Q2", values("X", 3), false));
        h.apply(new ReportCorrected("p-A", CAMPAIGN, "A", "Q2", values("X", 4), values("X", 3), "r", true));
        assertThat(h.unit("A").orElseThrow().report("Q1").late()).isTrue();
        assertThat(h.unit("A").orElseThrow().report("Q2").late()).isFalse();
    }

    @Test
    void a_correction_after_rejection_reopens_the_report() {
        CampaignHistory h = CampaignHistory.start(launched);
        h.apply(new ReportSubmitted("p-A", CAMPAIGN, "A", "Q1", values("X", 1), false));
        h.apply(new ReportRejected("p-A", CAMPAIGN, "A", "Q1", "sai"));
        h.apply(new ReportCorrected("p-A", CAMPAIGN, "A", "Q1", values("X", 2), values("X", 1), "r", false));
        assertThat(h.unit("A").orElseThrow().report("Q1").status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(h.unit("A").orElseThrow().report("Q1").countedValues()).containsExactly(Map.entry("X", d("2")));
    }

    @Test
    void replays_a_large_stream_quickly() {
        // Not a benchmark; catches an accidental quadratic fold. 300k events, 60 units x 4 periods.
        CampaignHistory h = CampaignHistory.start(launched);
        Map<String, BigDecimal> vals = values("X", 1, "Y", 2, "Z", 3);
        List<String> periods = List.of("Q1", "Q2", "Q3", "Y");
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            String unit = "U" + (i % 60);
            String period = periods.get((i / 60) % 4);
            h.apply(new ReportSubmitted("p", CAMPAIGN, unit, period, vals, false));
            h.apply(new ReportVerified("p", CAMPAIGN, unit, period, vals, Map.of(), ""));
            h.apply(new ReportCorrected("p", CAMPAIGN, unit, period, vals, vals, "r", false));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(h.units()).hasSize(60);
        assertThat(millis).as("ms for 300k events").isLessThan(10_000);
    }
}
