package vn.thidua.domain.scoring;

import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small campaigns and feeds their events through {@link CampaignHistory}, as the read side will. */
final class Fixture {
    static final String CAMPAIGN = "c-2025";
    static final List<Period> PERIODS = List.of(
            new Period("Q1", "Quý I", LocalDate.of(2025, 3, 31)),
            new Period("Q2", "Quý II", LocalDate.of(2025, 6, 30)),
            new Period("Q3", "Quý III", LocalDate.of(2025, 9, 30)),
            new Period("Y", "Cả năm", LocalDate.of(2025, 12, 15)));
    /** Q1 and Q2 are due at this instant; Q3 and Y are not. */
    static final Instant MID_JULY = Instant.parse("2025-07-15T00:00:00Z");
    /** Before any due date. */
    static final Instant JANUARY = Instant.parse("2025-01-15T00:00:00Z");

    private final List<UnitRef> members = new ArrayList<>();
    private final List<Content> contents = new ArrayList<>();
    private ScoringRules rules = ScoringRules.defaults();
    private CampaignHistory history;

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Indicator quantitative(String code, Direction direction, String weight) {
        return new Indicator(code, code, "%", IndicatorKind.QUANTITATIVE, direction, null, d(weight), null, null,
                null);
    }

    static Indicator kind(String code, IndicatorKind kind, String weight, String pointsPerItem) {
        return new Indicator(code, code, "", kind, null, null, d(weight),
                pointsPerItem == null ? null : d(pointsPerItem), null, null);
    }

    static ScoringRules rules(ScoringMethod method, String cap) {
        return new ScoringRules(1, method, cap == null ? null : d(cap), null, null, null);
    }

    static ScoringRules penalties(String late, String missing, String rejected) {
        return new ScoringRules(1, ScoringMethod.RATIO_CAPPED, d("1.2"), d(late), d(missing), d(rejected));
    }

    Fixture member(String code, String name) {
        members.add(new UnitRef(code, name, "district"));
        return this;
    }

    Fixture content(String code, Indicator... indicators) {
        contents.add(new Content(code, "Nội dung " + code, List.of(indicators)));
        return this;
    }

    Fixture rules(ScoringRules newRules) {
        rules = newRules;
        return this;
    }

    CampaignLaunched launched() {
        return new CampaignLaunched(CAMPAIGN, "CUM-1", 2025, "Thi đua 2025", members.get(0).code(),
                List.copyOf(members), LocalDate.of(2025, 2, 28), PERIODS, List.copyOf(contents), rules);
    }

    CampaignHistory history() {
        if (history == null) {
            history = CampaignHistory.start(launched());
        }
        return history;
    }

    Fixture pledge(String unit, Object... codeValuePairs) {
        history().apply(new PledgeSubmitted("p-" + unit, CAMPAIGN, unit, values(codeValuePairs)));
        return this;
    }

    Fixture report(String unit, String period, Object... codeValuePairs) {
        return submit(unit, period, false, codeValuePairs);
    }

    Fixture submit(String unit, String period, boolean late, Object... codeValuePairs) {
        history().apply(new ReportSubmitted("p-" + unit, CAMPAIGN, unit, period, values(codeValuePairs), late));
        return this;
    }

    Fixture correct(String unit, String period, boolean late, Object... codeValuePairs) {
        history().apply(new ReportCorrected("p-" + unit, CAMPAIGN, unit, period, values(codeValuePairs), Map.of(),
                "sửa số liệu", late));
        return this;
    }

    Fixture verify(String unit, String period, Object... codeValuePairs) {
        history().apply(new ReportVerified("p-" + unit, CAMPAIGN, unit, period, values(codeValuePairs), Map.of(),
                "đã kiểm tra chéo"));
        return this;
    }

    Fixture reject(String unit, String period) {
        history().apply(new ReportRejected("p-" + unit, CAMPAIGN, unit, period, "thiếu minh chứng"));
        return this;
    }

    LeagueTable score(Instant asOf) {
        return new LeagueTableCalculator().score(history(), asOf);
    }

    LeagueTable score() {
        return score(JANUARY);
    }

    static Map<String, BigDecimal> values(Object... codeValuePairs) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < codeValuePairs.length; i += 2) {
            values.put((String) codeValuePairs[i], d(String.valueOf(codeValuePairs[i + 1])));
        }
        return values;
    }
}
