package vn.thidua.query.testsupport;

import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small campaign whose scores are easy to compute by hand: content C1 holds Q (quantitative, higher is better,
 * weight 60), content C2 holds OK (yes/no, weight 40); periods P1 (due 30/6/2025) and P2 (due 15/12/2025);
 * units A (Ánh), B (Bình), C (Cường); rule set v1 RATIO_CAPPED, cap 1.2, late penalty 1.
 */
public final class SmallCampaign {
    public static final String ID = "small";
    public static final Instant LAUNCH = Instant.parse("2025-03-01T02:00:00Z");
    public static final Instant JUNE = Instant.parse("2025-06-20T02:00:00Z");
    public static final Instant JULY = Instant.parse("2025-07-02T02:00:00Z");
    public static final String A = "A";
    public static final String B = "B";
    public static final String C = "C";

    private SmallCampaign() {
    }

    public static CampaignLaunched launched() {
        return new CampaignLaunched(ID, "CL", 2025, "Thi đua 2025", A,
                List.of(new UnitRef(A, "Ánh", "COMMUNE"), new UnitRef(B, "Bình", "COMMUNE"),
                        new UnitRef(C, "Cường", "COMMUNE")),
                LocalDate.of(2025, 3, 31),
                List.of(new Period("P1", "6 tháng", LocalDate.of(2025, 6, 30)),
                        new Period("P2", "Cả năm", LocalDate.of(2025, 12, 15))),
                List.of(new Content("C1", "Kinh tế", List.of(new Indicator("Q", "Thu ngân sách", "%",
                                IndicatorKind.QUANTITATIVE, Direction.HIGHER_IS_BETTER, new BigDecimal("100"),
                                new BigDecimal("60"), null, null, null))),
                        new Content("C2", "Xã hội", List.of(new Indicator("OK", "Không để xảy ra dịch", "",
                                IndicatorKind.QUALITATIVE, null, null, new BigDecimal("40"), null, null, null)))),
                new ScoringRules(1, ScoringMethod.RATIO_CAPPED, new BigDecimal("1.2"), BigDecimal.ONE,
                        BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** Where a test's history goes: appended to the event table and shown to the code under test. */
    @FunctionalInterface
    public interface Recorder {
        void record(String stream, String type, Object event, Instant at);
    }

    /**
     * The launch, A's and B's pledges, then their first-period reports: A's on time in June (Q 110, OK), B's late in
     * July (Q 130, not OK).
     */
    public static void launchPledgeAndReport(Recorder recorder) {
        recorder.record(StreamIds.campaign(ID), "Campaign", launched(), LAUNCH);
        recorder.record(participation(A), "Participation",
                new PledgeSubmitted(participation(A), ID, A, values("100", "1")), LAUNCH.plusSeconds(60));
        recorder.record(participation(B), "Participation",
                new PledgeSubmitted(participation(B), ID, B, values("100", "1")), LAUNCH.plusSeconds(120));
        recorder.record(participation(A), "Participation",
                new ReportSubmitted(participation(A), ID, A, "P1", values("110", "1"), false), JUNE);
        recorder.record(participation(B), "Participation",
                new ReportSubmitted(participation(B), ID, B, "P1", values("130", "0"), true), JULY);
    }

    public static String participation(String unit) {
        return StreamIds.participation(ID, unit);
    }

    public static Map<String, BigDecimal> values(String q, String ok) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("Q", new BigDecimal(q));
        values.put("OK", new BigDecimal(ok));
        return values;
    }
}
