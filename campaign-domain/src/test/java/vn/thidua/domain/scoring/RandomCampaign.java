package vn.thidua.domain.scoring;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random campaign with submissions, built from one seed. Values are drawn mostly from a few edge values (zero,
 * negatives, equal to target) so that ties and the zero-denominator cases come up often.
 */
record RandomCampaign(long seed, CampaignTerms terms, ScoringRules rules, List<UnitSubmissions> units,
                      Instant asOf) {

    private static final String[] NAMES = {"Hà Trung", "Đông Sơn", "Duy Tiên", "Ân Thi", "Anh Sơn", "Ưng Hòa",
            "Uông Bí"};
    private static final String[] EDGE_VALUES = {"-5", "-1", "0", "0", "1", "3", "10", "10", "100", "0.3333"};
    private static final String[] CAPS = {null, "0.8", "1", "1.2", "1.5"};
    private static final String[] PENALTIES = {null, "0", "0.5", "1", "-0.25"};
    private static final String[] PER_ITEM = {null, "-2", "-0.5", "0.5", "1", "3"};
    private static final Instant[] AS_OF = {Fixture.JANUARY, Fixture.MID_JULY, Instant.parse("2026-01-01T00:00:00Z")};

    static RandomCampaign of(long seed) {
        Random r = new Random(seed);
        List<Indicator> indicators = new ArrayList<>();
        int count = 1 + r.nextInt(5);
        for (int i = 0; i < count; i++) {
            IndicatorKind kind = IndicatorKind.values()[r.nextInt(4)];
            Direction direction = r.nextInt(3) == 0 ? null : Direction.values()[r.nextInt(2)];
            indicators.add(new Indicator("I" + i, "I" + i, "", kind, direction, null,
                    BigDecimal.valueOf(r.nextInt(41), 1), pick(r, PER_ITEM), null, null));
        }
        List<Content> contents = new ArrayList<>();
        int from = 0;
        while (from < indicators.size()) {
            int to = from + 1 + r.nextInt(indicators.size() - from);
            contents.add(new Content("C" + contents.size(), "C", indicators.subList(from, to)));
            from = to;
        }
        ScoringRules rules = new ScoringRules(1 + r.nextInt(3), ScoringMethod.values()[r.nextInt(2)], pick(r, CAPS),
                pick(r, PENALTIES), pick(r, PENALTIES), pick(r, PENALTIES));

        List<UnitRef> members = new ArrayList<>();
        List<UnitSubmissions> units = new ArrayList<>();
        int memberCount = 1 + r.nextInt(8);
        for (int u = 0; u < memberCount; u++) {
            String code = "U" + u;
            members.add(new UnitRef(code, NAMES[r.nextInt(NAMES.length)], "district"));
            if (r.nextInt(5) > 0) {
                units.add(UnitSubmissions.of(code, values(r, indicators), reports(r, indicators)));
            }
        }
        CampaignTerms terms = new CampaignTerms("c", "k", 2025, "t", "U0", members, null, Fixture.PERIODS, contents,
                rules, List.of(rules), false);
        return new RandomCampaign(seed, terms, rules, units, AS_OF[r.nextInt(AS_OF.length)]);
    }

    /** The same campaign with members and submissions in another order. */
    RandomCampaign shuffled(Random r) {
        List<UnitRef> members = new ArrayList<>(terms.members());
        Collections.shuffle(members, r);
        List<UnitSubmissions> shuffledUnits = new ArrayList<>(units);
        Collections.shuffle(shuffledUnits, r);
        CampaignTerms t = new CampaignTerms(terms.campaignId(), terms.clusterCode(), terms.year(), terms.title(),
                terms.headUnit(), members, terms.pledgeDeadline(), terms.periods(), terms.contents(), terms.rules(),
                terms.ruleHistory(), terms.closed());
        return new RandomCampaign(seed, t, rules, shuffledUnits, asOf);
    }

    LeagueTable score() {
        return new LeagueTableCalculator().score(terms, rules, units, asOf);
    }

    private static Map<String, PeriodReport> reports(Random r, List<Indicator> indicators) {
        Map<String, PeriodReport> reports = new HashMap<>();
        for (var period : Fixture.PERIODS) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            Map<String, BigDecimal> reported = values(r, indicators);
            ReportStatus status = ReportStatus.values()[r.nextInt(3)];
            Map<String, BigDecimal> verified = status == ReportStatus.VERIFIED ? values(r, indicators) : null;
            reports.put(period.code(), new PeriodReport(reported, verified, status, r.nextBoolean()));
        }
        return reports;
    }

    private static Map<String, BigDecimal> values(Random r, List<Indicator> indicators) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            if (r.nextInt(5) == 0) {
                continue;
            }
            values.put(indicator.code(), r.nextBoolean()
                    ? new BigDecimal(EDGE_VALUES[r.nextInt(EDGE_VALUES.length)])
                    : BigDecimal.valueOf(r.nextInt(4001) - 1000, 1));
        }
        return values;
    }

    private static BigDecimal pick(Random r, String[] choices) {
        String s = choices[r.nextInt(choices.length)];
        return s == null ? null : new BigDecimal(s);
    }
}
