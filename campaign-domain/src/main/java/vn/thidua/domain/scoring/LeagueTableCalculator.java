package vn.thidua.domain.scoring;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes a campaign's league table. This is the written rule of the cluster's scoring (DESIGN.md, "Scoring").
 *
 * <h2>Who is ranked</h2>
 * Every member unit of the campaign ({@code terms.members()}) gets exactly one row, whether or not it has
 * submitted anything. Submissions of units that are not members are ignored.
 *
 * <h2>Counted values</h2>
 * Reported values are cumulative (year to date), so only the latest one counts. For each indicator, the counted
 * value is taken from the latest period, in the campaign's period order, whose report is not REJECTED and holds
 * a value for that indicator: the verified value if that report is VERIFIED, otherwise the self-reported one.
 * Reports for periods the campaign does not define are ignored. The target is the one in the unit's latest
 * pledge. {@code provisional} is true when at least one counted value comes from a report that is not VERIFIED;
 * a unit with no counted value at all is not provisional (there is nothing to verify), and its row says it is not
 * {@code counted}: it keeps its rank by the rule below, but pages show it as not ranked yet.
 *
 * <h2>Indicator points</h2>
 * W is the indicator's weight (null or negative: 0; for ADJUSTMENT the bound is |W|). An indicator without a
 * counted value scores 0; a QUANTITATIVE indicator without a target scores 0 too.
 * <ul>
 * <li><b>QUANTITATIVE</b>: the ratio r = A/T when higher is better (also when the direction is null), T/A when
 * lower is better. Written as r = num/den ("num higher is better"):
 *   <ul>
 *   <li>den &gt; 0: r = num/den, and 0 if that is negative (e.g. negative growth against a positive target);</li>
 *   <li>den = 0: r = 1 if num = 0 (A = T); unbounded if num &gt; 0 (A strictly better than T); else 0;</li>
 *   <li>den &lt; 0: unbounded if num &ge; 0 (A strictly better than T, on the other side of zero); if both are
 *   negative, r = den/num, i.e. the magnitudes scored the other way round (higher is better with T = −2 %:
 *   A = −1 % gives r = 2, A = −4 % gives r = 0.5).</li>
 *   </ul>
 *   Nothing ever divides by zero. Then, by the rule set's method:
 *   <ul>
 *   <li>RATIO_CAPPED: points = W × min(r, cap), with cap = rules.cap() (null: 1); unbounded r gives W × cap.</li>
 *   <li>LEADER_INTERPOLATED: r &lt; 1 gives 0.5·W·r; r = 1 gives 0.5·W; an unbounded r gives W; a bounded
 *   r &gt; 1 gives W when it equals {@code best}, the highest bounded r among the member units that have a
 *   ratio for this indicator, and otherwise 0.5·W + 0.5·W·(r − 1)/(best − 1). When nobody is above target
 *   nobody gets more than 0.5·W. Units with an unbounded r do not push {@code best} to infinity, so the
 *   others are still told apart; the best bounded unit above target then also gets W.</li>
 *   </ul></li>
 * <li><b>QUALITATIVE</b>: W if the value is 1 (achieved), otherwise 0.</li>
 * <li><b>COUNT</b>: min(max(value, 0) × pointsPerItem, W), never below 0; pointsPerItem null means 1.</li>
 * <li><b>ADJUSTMENT</b>: value × pointsPerItem bounded to [−|W|, +|W|]; pointsPerItem (null: 1) is negative for
 * deductions. The only kind that can score below 0.</li>
 * </ul>
 *
 * <h2>Penalties</h2>
 * Deducted from the total, each penalty by its absolute value (null: 0): latePenalty × the number of periods
 * whose first report was late, + rejectedPenalty × the number of periods whose report is currently REJECTED,
 * + missingPenalty × the number of periods without any report whose due date has passed at {@code asOf}
 * ({@link vn.thidua.domain.shared.Deadlines#passed}). A rejected report is not also counted as missing.
 *
 * <h2>Arithmetic</h2>
 * BigDecimal throughout, divisions in {@link java.math.MathContext#DECIMAL64}. Each indicator's points are
 * rounded to 4 decimals HALF_UP; a content's points are the sum of its rounded indicator points; the total is
 * the sum of the content points minus the penalties, so the displayed numbers add up exactly.
 *
 * <h2>Ranking</h2>
 * By total, descending. Equal totals share a rank and the next rank skips (1, 1, 3). Rows with equal totals are
 * listed by unit name in Vietnamese alphabetical order (A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y,
 * tone marks deciding only between otherwise equal names; {@link Collator} for vi-VN), then by unit code. The
 * result does not depend on the order in which units are given.
 */
public final class LeagueTableCalculator {
    private static final int SCALE = 4;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    /** Scores the campaign's current rules as of {@code asOf}. */
    public LeagueTable score(CampaignHistory history, Instant asOf) {
        return score(history.terms(), history.terms().rules(), history.units(), asOf);
    }

    /** Scores under the given rules, e.g. an earlier version from {@code terms.ruleHistory()}. */
    public LeagueTable score(CampaignTerms terms, ScoringRules rules, Collection<UnitSubmissions> units,
                             Instant asOf) {
        Map<String, UnitSubmissions> byCode = byCode(units);
        List<Indicator> indicators = new ArrayList<>(terms.indicators().values());

        Map<String, CountedValues> counted = new HashMap<>();
        for (UnitRef member : terms.members()) {
            counted.put(member.code(), CountedValues.of(terms.periods(), indicators, byCode.get(member.code())));
        }
        Map<String, Map<String, Ratio>> ratios = ratios(terms, indicators, byCode, counted);
        Map<String, BigDecimal> best = bestBoundedRatios(ratios);

        List<LeagueRow> rows = new ArrayList<>();
        for (UnitRef member : terms.members()) {
            CountedValues values = counted.get(member.code());
            Map<String, Ratio> unitRatios = ratios.get(member.code());
            Map<String, BigDecimal> indicatorPoints = new LinkedHashMap<>();
            for (Indicator indicator : indicators) {
                BigDecimal points = points(indicator, rules, values.values().get(indicator.code()),
                        unitRatios.get(indicator.code()), best.get(indicator.code()));
                indicatorPoints.put(indicator.code(), points.setScale(SCALE, RoundingMode.HALF_UP));
            }
            Map<String, BigDecimal> contentPoints = new LinkedHashMap<>();
            BigDecimal sum = zero();
            for (Content content : terms.contents()) {
                BigDecimal contentSum = zero();
                for (Indicator indicator : content.indicators()) {
                    contentSum = contentSum.add(indicatorPoints.get(indicator.code()));
                }
                contentPoints.put(content.code(), contentSum);
                sum = sum.add(contentSum);
            }
            BigDecimal penalties = Penalties.of(rules, terms.periods(), byCode.get(member.code()), asOf)
                    .setScale(SCALE, RoundingMode.HALF_UP);
            rows.add(new LeagueRow(0, member.code(), member.name(), sum.subtract(penalties), values.provisional(),
                    contentPoints, indicatorPoints, penalties, !values.values().isEmpty()));
        }
        return new LeagueTable(terms.campaignId(), rules.version(), asOf, ranked(rows));
    }

    private static Map<String, UnitSubmissions> byCode(Collection<UnitSubmissions> units) {
        Map<String, UnitSubmissions> byCode = new HashMap<>();
        for (UnitSubmissions u : units) {
            if (byCode.put(u.unitCode(), u) != null) {
                // Which one wins would depend on input order.
                throw new IllegalArgumentException("two submissions for unit " + u.unitCode());
            }
        }
        return byCode;
    }

    private static Map<String, Map<String, Ratio>> ratios(CampaignTerms terms, List<Indicator> indicators,
                                                          Map<String, UnitSubmissions> byCode,
                                                          Map<String, CountedValues> counted) {
        Map<String, Map<String, Ratio>> ratios = new HashMap<>();
        for (UnitRef member : terms.members()) {
            Map<String, Ratio> unitRatios = new HashMap<>();
            UnitSubmissions unit = byCode.get(member.code());
            Map<String, BigDecimal> values = counted.get(member.code()).values();
            for (Indicator indicator : indicators) {
                if (indicator.kind() != IndicatorKind.QUANTITATIVE || unit == null) {
                    continue;
                }
                BigDecimal actual = values.get(indicator.code());
                BigDecimal target = unit.targets().get(indicator.code());
                if (actual != null && target != null) {
                    unitRatios.put(indicator.code(), Ratio.of(actual, target, indicator.directionOrDefault()));
                }
            }
            ratios.put(member.code(), unitRatios);
        }
        return ratios;
    }

    private static Map<String, BigDecimal> bestBoundedRatios(Map<String, Map<String, Ratio>> ratios) {
        Map<String, BigDecimal> best = new HashMap<>();
        for (Map<String, Ratio> unitRatios : ratios.values()) {
            for (Map.Entry<String, Ratio> e : unitRatios.entrySet()) {
                if (!e.getValue().unbounded()) {
                    best.merge(e.getKey(), e.getValue().value(), BigDecimal::max);
                }
            }
        }
        return best;
    }

    private static BigDecimal points(Indicator indicator, ScoringRules rules, BigDecimal value, Ratio ratio,
                                     BigDecimal best) {
        if (value == null || indicator.kind() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal weight = indicator.weight() == null ? BigDecimal.ZERO : indicator.weight();
        BigDecimal perItem = indicator.pointsPerItem() == null ? BigDecimal.ONE : indicator.pointsPerItem();
        if (indicator.kind() == IndicatorKind.ADJUSTMENT) {
            return IndicatorPoints.adjustment(value, weight, perItem);
        }
        weight = weight.max(BigDecimal.ZERO);
        return switch (indicator.kind()) {
            case QUALITATIVE -> IndicatorPoints.qualitative(value, weight);
            case COUNT -> IndicatorPoints.count(value, weight, perItem);
            case QUANTITATIVE -> {
                if (ratio == null) {
                    yield BigDecimal.ZERO;
                }
                if (rules.method() == ScoringMethod.LEADER_INTERPOLATED) {
                    yield IndicatorPoints.leaderInterpolated(ratio, weight, best);
                }
                BigDecimal cap = rules.cap() == null ? BigDecimal.ONE : rules.cap();
                yield IndicatorPoints.ratioCapped(ratio, weight, cap);
            }
            case ADJUSTMENT -> throw new AssertionError("handled above");
        };
    }

    private static List<LeagueRow> ranked(List<LeagueRow> rows) {
        Collator collator = Collator.getInstance(VIETNAMESE);
        Comparator<LeagueRow> order = Comparator.comparing(LeagueRow::total, Comparator.reverseOrder())
                .thenComparing(LeagueRow::unitName, Comparator.nullsLast(collator::compare))
                .thenComparing(LeagueRow::unitCode);
        rows.sort(order);
        List<LeagueRow> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LeagueRow row = rows.get(i);
            boolean tiesPrevious = i > 0 && row.total().compareTo(rows.get(i - 1).total()) == 0;
            ranked.add(row.ranked(tiesPrevious ? ranked.get(i - 1).rank() : i + 1));
        }
        return ranked;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }
}
