package vn.thidua.domain.scoring;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thidua.domain.campaign.Direction.HIGHER_IS_BETTER;
import static vn.thidua.domain.campaign.Direction.LOWER_IS_BETTER;
import static vn.thidua.domain.scoring.Fixture.MID_JULY;
import static vn.thidua.domain.scoring.Fixture.kind;
import static vn.thidua.domain.scoring.Fixture.quantitative;

class LeagueTableCalculatorTest {

    private static Fixture threeUnits(Direction direction, ScoringRules rules) {
        return new Fixture().member("A", "Bá Thước").member("B", "Cẩm Thủy").member("C", "Đông Sơn")
                .content("I", quantitative("X", direction, "10")).rules(rules);
    }

    @Nested
    class RatioCapped {
        @Test
        void target_zero_never_divides_by_zero() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, Fixture.rules(ScoringMethod.RATIO_CAPPED, "1.2"))
                    .pledge("A", "X", 0).pledge("B", "X", 0).pledge("C", "X", 0)
                    .report("A", "Q1", "X", 0).report("B", "Q1", "X", 5).report("C", "Q1", "X", -1)
                    .score();
            // A: A = T = 0 -> r = 1 -> 10 x 1 = 10
            // B: 5 > 0 = T, unbounded -> r = cap = 1.2 -> 12
            // C: -1 < 0 = T, worse -> 0
            assertThat(t.points("A", "X")).isEqualByComparingTo("10");
            assertThat(t.points("B", "X")).isEqualByComparingTo("12");
            assertThat(t.points("C", "X")).isEqualByComparingTo("0");
        }

        @Test
        void actual_zero_when_lower_is_better() {
            LeagueTable t = threeUnits(LOWER_IS_BETTER, Fixture.rules(ScoringMethod.RATIO_CAPPED, "1.2"))
                    .pledge("A", "X", 2).pledge("B", "X", 2).pledge("C", "X", 0)
                    .report("A", "Q1", "X", 0).report("B", "Q1", "X", 4).report("C", "Q1", "X", 0)
                    .score();
            // A: T/A = 2/0, strictly better -> unbounded -> 10 x 1.2 = 12
            // B: T/A = 2/4 = 0.5 -> 5
            // C: T = A = 0 -> r = 1 -> 10
            assertThat(t.points("A", "X")).isEqualByComparingTo("12");
            assertThat(t.points("B", "X")).isEqualByComparingTo("5");
            assertThat(t.points("C", "X")).isEqualByComparingTo("10");
        }

        @Test
        void null_cap_means_one_and_null_direction_means_higher_is_better() {
            LeagueTable t = threeUnits(null, Fixture.rules(ScoringMethod.RATIO_CAPPED, null))
                    .pledge("A", "X", 100).pledge("B", "X", 100)
                    .report("A", "Q1", "X", 150).report("B", "Q1", "X", 70)
                    .score();
            // A: 150/100 = 1.5, capped at 1 -> 10;  B: 70/100 -> 7
            assertThat(t.points("A", "X")).isEqualByComparingTo("10");
            assertThat(t.points("B", "X")).isEqualByComparingTo("7");
        }

        @Test
        void negative_growth_against_a_positive_target_and_both_negative() {
            LeagueTable t = new Fixture().member("A", "A").member("B", "B").member("C", "C").member("D", "D")
                    .content("I", quantitative("G", HIGHER_IS_BETTER, "10"))
                    .pledge("A", "G", "6.5").pledge("B", "G", -2).pledge("C", "G", -2).pledge("D", "G", -2)
                    .report("A", "Q1", "G", "-1.2").report("B", "Q1", "G", -1).report("C", "Q1", "G", -4)
                    .report("D", "Q1", "G", 1)
                    .score();
            // A: -1.2 / 6.5 < 0 -> 0
            // B: both negative, r = T/A = -2/-1 = 2, capped at 1.2 -> 12
            // C: r = -2/-4 = 0.5 -> 5
            // D: +1 is strictly better than -2, across zero -> unbounded -> 12
            assertThat(t.points("A", "G")).isEqualByComparingTo("0");
            assertThat(t.points("B", "G")).isEqualByComparingTo("12");
            assertThat(t.points("C", "G")).isEqualByComparingTo("5");
            assertThat(t.points("D", "G")).isEqualByComparingTo("12");
        }

        @Test
        void both_negative_when_lower_is_better() {
            LeagueTable t = new Fixture().member("A", "A").member("B", "B").member("C", "C")
                    .content("I", quantitative("L", LOWER_IS_BETTER, "10"))
                    .pledge("A", "L", -2).pledge("B", "L", -2).pledge("C", "L", 3)
                    .report("A", "Q1", "L", -4).report("B", "Q1", "L", -1).report("C", "Q1", "L", -1)
                    .score();
            // A: -4 is better than -2; r = A/T = 2 -> capped 1.2 -> 12
            // B: -1 is worse than -2; r = A/T = 0.5 -> 5
            // C: -1 is strictly better than 3, across zero -> unbounded -> 12
            assertThat(t.points("A", "L")).isEqualByComparingTo("12");
            assertThat(t.points("B", "L")).isEqualByComparingTo("5");
            assertThat(t.points("C", "L")).isEqualByComparingTo("12");
        }

        @Test
        void no_target_or_no_value_scores_zero() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "Z", 1).report("A", "Q1", "X", 5)
                    .pledge("B", "X", 10)
                    .score();
            assertThat(t.points("A", "X")).isEqualByComparingTo("0");
            assertThat(t.points("B", "X")).isEqualByComparingTo("0");
        }

        @Test
        void indicator_points_are_rounded_before_they_are_summed() {
            LeagueTable t = new Fixture().member("A", "A")
                    .content("I", quantitative("X", HIGHER_IS_BETTER, "10"), quantitative("Y", HIGHER_IS_BETTER, "10"))
                    .content("II", quantitative("Z", HIGHER_IS_BETTER, "5"))
                    .pledge("A", "X", 3, "Y", 3, "Z", 3)
                    .report("A", "Q1", "X", 1, "Y", 1, "Z", 2)
                    .score();
            LeagueRow a = t.row("A").orElseThrow();
            // X, Y: 10 x 1/3 = 3.333333.. -> 3.3333 each; content I = 6.6666 (not 6.6667)
            // Z: 5 x 2/3 = 3.33333.. -> 3.3333; total = 6.6666 + 3.3333 = 9.9999
            assertThat(a.indicators()).containsExactly(
                    Map.entry("X", new BigDecimal("3.3333")), Map.entry("Y", new BigDecimal("3.3333")),
                    Map.entry("Z", new BigDecimal("3.3333")));
            assertThat(a.contents()).containsExactly(
                    Map.entry("I", new BigDecimal("6.6666")), Map.entry("II", new BigDecimal("3.3333")));
            assertThat(a.total()).isEqualTo(new BigDecimal("9.9999"));
        }
    }

    @Nested
    class LeaderInterpolated {
        private final ScoringRules leader = Fixture.rules(ScoringMethod.LEADER_INTERPOLATED, null);

        @Test
        void nobody_above_target_gets_more_than_half() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, leader)
                    .pledge("A", "X", 100).pledge("B", "X", 100).pledge("C", "X", 100)
                    .report("A", "Q1", "X", 80).report("B", "Q1", "X", 100).report("C", "Q1", "X", 50)
                    .score();
            // W = 10. A: r = 0.8 -> 0.5 x 10 x 0.8 = 4; B: r = 1 -> 5; C: r = 0.5 -> 2.5
            assertThat(t.points("A", "X")).isEqualByComparingTo("4");
            assertThat(t.points("B", "X")).isEqualByComparingTo("5");
            assertThat(t.points("C", "X")).isEqualByComparingTo("2.5");
        }

        @Test
        void interpolates_between_target_and_the_leader() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, leader)
                    .pledge("A", "X", 100).pledge("B", "X", 100).pledge("C", "X", 300)
                    .report("A", "Q1", "X", 150).report("B", "Q1", "X", 120).report("C", "Q1", "X", 400)
                    .score();
            // best = 1.5 (A) -> 10
            // B: r = 1.2 -> 5 + 5 x 0.2/0.5 = 7
            // C: r = 4/3 = 1.333333333333333 (DECIMAL64) -> 5 + 5 x 0.333333333333333/0.5
            //    = 5 + 3.333333333333330 = 8.33333.. -> 8.3333
            assertThat(t.points("A", "X")).isEqualByComparingTo("10");
            assertThat(t.points("B", "X")).isEqualByComparingTo("7");
            assertThat(t.points("C", "X")).isEqualByComparingTo("8.3333");
        }

        @Test
        void an_unbounded_unit_is_best_without_flattening_the_others() {
            LeagueTable t = threeUnits(LOWER_IS_BETTER, leader)
                    .pledge("A", "X", 2).pledge("B", "X", 2).pledge("C", "X", 2)
                    .report("A", "Q1", "X", 0).report("B", "Q1", "X", 1).report("C", "Q1", "X", 4)
                    .score();
            // A: T/A = 2/0, strictly better -> unbounded -> full weight 10
            // B: r = 2, the best bounded r -> 10
            // C: r = 0.5 -> 0.5 x 10 x 0.5 = 2.5
            assertThat(t.points("A", "X")).isEqualByComparingTo("10");
            assertThat(t.points("B", "X")).isEqualByComparingTo("10");
            assertThat(t.points("C", "X")).isEqualByComparingTo("2.5");
        }

        @Test
        void one_report_moves_every_row() {
            Fixture f = threeUnits(HIGHER_IS_BETTER, leader)
                    .pledge("A", "X", 100).pledge("B", "X", 100)
                    .report("A", "Q1", "X", 150).report("B", "Q1", "X", 120);
            // best 1.5: B = 5 + 5 x 0.2/0.5 = 7
            assertThat(f.score().points("B", "X")).isEqualByComparingTo("7");
            f.report("A", "Q2", "X", 200);
            // best 2: A = 10, B = 5 + 5 x 0.2/1 = 6
            assertThat(f.score().points("A", "X")).isEqualByComparingTo("10");
            assertThat(f.score().points("B", "X")).isEqualByComparingTo("6");
        }
    }

    @Nested
    class OtherKinds {
        @Test
        void qualitative_is_all_or_nothing() {
            LeagueTable t = new Fixture().member("A", "A").member("B", "B").member("C", "C")
                    .content("I", kind("Q", IndicatorKind.QUALITATIVE, "4", null))
                    .report("A", "Q1", "Q", 1).report("B", "Q1", "Q", 0)
                    .score();
            assertThat(t.points("A", "Q")).isEqualByComparingTo("4");
            assertThat(t.points("B", "Q")).isEqualByComparingTo("0");
            assertThat(t.points("C", "Q")).isEqualByComparingTo("0");
        }

        @Test
        void count_is_capped_at_the_weight() {
            LeagueTable t = new Fixture().member("A", "A").member("B", "B").member("C", "C").member("D", "D")
                    .content("I", kind("N", IndicatorKind.COUNT, "5", "0.5"), kind("M", IndicatorKind.COUNT, "5", null))
                    .report("A", "Q1", "N", 4, "M", 3).report("B", "Q1", "N", 20, "M", 9).report("C", "Q1", "N", -3)
                    .score();
            // A: 4 x 0.5 = 2; M: 3 x 1 (null per item) = 3
            // B: 20 x 0.5 = 10 -> capped at 5; M: 9 -> 5
            // C: max(-3, 0) x 0.5 = 0
            assertThat(t.points("A", "N")).isEqualByComparingTo("2");
            assertThat(t.points("A", "M")).isEqualByComparingTo("3");
            assertThat(t.points("B", "N")).isEqualByComparingTo("5");
            assertThat(t.points("B", "M")).isEqualByComparingTo("5");
            assertThat(t.points("C", "N")).isEqualByComparingTo("0");
        }

        @Test
        void adjustment_is_bounded_both_ways() {
            LeagueTable t = new Fixture().member("A", "A").member("B", "B")
                    .content("I", kind("DED", IndicatorKind.ADJUSTMENT, "3", "-1"),
                            kind("BON", IndicatorKind.ADJUSTMENT, "3", "2"))
                    .report("A", "Q1", "DED", 2, "BON", 1).report("B", "Q1", "DED", 5, "BON", 4)
                    .score();
            // A: 2 x -1 = -2; 1 x 2 = 2; total 0
            // B: 5 x -1 = -5 -> bounded at -3; 4 x 2 = 8 -> bounded at 3; total 0
            assertThat(t.points("A", "DED")).isEqualByComparingTo("-2");
            assertThat(t.points("A", "BON")).isEqualByComparingTo("2");
            assertThat(t.points("B", "DED")).isEqualByComparingTo("-3");
            assertThat(t.points("B", "BON")).isEqualByComparingTo("3");
            assertThat(t.row("B").orElseThrow().total()).isEqualByComparingTo("0");
        }
    }

    @Nested
    class CountedValuesAndPenalties {
        @Test
        void a_unit_with_no_report_still_gets_a_row_and_is_not_provisional() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "X", 100).report("A", "Q1", "X", 50)
                    .score();
            assertThat(t.rows()).extracting(LeagueRow::unitCode).containsExactly("A", "B", "C");
            LeagueRow c = t.row("C").orElseThrow();
            assertThat(c.total()).isEqualByComparingTo("0");
            assertThat(c.provisional()).isFalse();
            assertThat(c.contents()).containsOnlyKeys("I");
            assertThat(c.indicators()).containsOnlyKeys("X");
            assertThat(t.row("A").orElseThrow().provisional()).isTrue();
        }

        @Test
        void only_the_latest_report_counts() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "X", 100)
                    .report("A", "Q2", "X", 60).report("A", "Q1", "X", 30)
                    .score();
            // Q2 comes after Q1 in the campaign, whatever the order of arrival: 10 x 60/100 = 6
            assertThat(t.points("A", "X")).isEqualByComparingTo("6");
        }

        @Test
        void a_report_without_the_indicator_falls_back_to_an_earlier_period() {
            LeagueTable t = new Fixture().member("A", "A")
                    .content("I", quantitative("X", HIGHER_IS_BETTER, "10"), quantitative("Y", HIGHER_IS_BETTER, "10"))
                    .pledge("A", "X", 100, "Y", 100)
                    .report("A", "Q1", "X", 30, "Y", 40).report("A", "Q2", "X", 60)
                    .score();
            // X from Q2: 6; Y only in Q1: 4
            assertThat(t.points("A", "X")).isEqualByComparingTo("6");
            assertThat(t.points("A", "Y")).isEqualByComparingTo("4");
        }

        @Test
        void a_rejected_report_falls_back_to_the_earlier_period_and_is_penalised() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, Fixture.penalties("0", "0", "0.5"))
                    .pledge("A", "X", 100)
                    .report("A", "Q1", "X", 50).verify("A", "Q1", "X", 50)
                    .report("A", "Q2", "X", 90).reject("A", "Q2")
                    .score();
            LeagueRow a = t.row("A").orElseThrow();
            // counted: Q1's verified 50 -> 10 x 0.5 = 5; one rejected period -> 0.5; total 4.5
            assertThat(a.points("X")).isEqualByComparingTo("5");
            assertThat(a.penalties()).isEqualByComparingTo("0.5");
            assertThat(a.total()).isEqualByComparingTo("4.5");
            assertThat(a.provisional()).isFalse();
        }

        @Test
        void the_late_penalty_counts_the_first_submission_only() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, Fixture.penalties("0.25", "0", "0"))
                    .pledge("A", "X", 100)
                    .submit("A", "Q1", true, "X", 40).correct("A", "Q1", true, "X", 45)
                    .submit("A", "Q2", false, "X", 80).correct("A", "Q2", true, "X", 70)
                    .score();
            LeagueRow a = t.row("A").orElseThrow();
            // late periods: Q1 only (Q2's first submission was on time) -> 0.25
            // points: Q2's corrected 70 -> 7; total 7 - 0.25 = 6.75
            assertThat(a.penalties()).isEqualByComparingTo("0.25");
            assertThat(a.total()).isEqualByComparingTo("6.75");
        }

        @Test
        void a_missing_report_is_penalised_once_its_due_date_has_passed() {
            Fixture f = threeUnits(HIGHER_IS_BETTER, Fixture.penalties("0", "1", "0"))
                    .pledge("A", "X", 100).report("A", "Q1", "X", 40);
            LeagueTable july = f.score(MID_JULY);
            // mid-July: Q1, Q2 due. A misses Q2 -> 1; B and C miss both -> 2
            assertThat(july.row("A").orElseThrow().total()).isEqualByComparingTo("3");
            assertThat(july.row("B").orElseThrow().penalties()).isEqualByComparingTo("2");
            assertThat(july.row("C").orElseThrow().total()).isEqualByComparingTo("-2");
            // The day after Q2's due date (30 June) begins at 2025-06-30T17:00Z in Vietnam.
            assertThat(f.score(java.time.Instant.parse("2025-06-30T16:59:59Z")).row("B").orElseThrow().penalties())
                    .isEqualByComparingTo("1");
            assertThat(f.score(java.time.Instant.parse("2025-06-30T17:00:00Z")).row("B").orElseThrow().penalties())
                    .isEqualByComparingTo("2");
        }

        @Test
        void a_verified_value_replaces_the_self_reported_one() {
            Fixture f = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "X", 100).report("A", "Q1", "X", 80);
            LeagueRow before = f.score().row("A").orElseThrow();
            assertThat(before.points("X")).isEqualByComparingTo("8");
            assertThat(before.provisional()).isTrue();

            LeagueRow after = f.verify("A", "Q1", "X", 70).score().row("A").orElseThrow();
            // the verifier fixed 70: 10 x 0.7 = 7
            assertThat(after.points("X")).isEqualByComparingTo("7");
            assertThat(after.provisional()).isFalse();
        }

        @Test
        void a_correction_after_verification_is_provisional_again() {
            LeagueRow row = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "X", 100).report("A", "Q1", "X", 80).verify("A", "Q1", "X", 70)
                    .correct("A", "Q1", false, "X", 90)
                    .score().row("A").orElseThrow();
            assertThat(row.points("X")).isEqualByComparingTo("9");
            assertThat(row.provisional()).isTrue();
        }

        @Test
        void provisional_if_any_counted_value_is_unverified() {
            LeagueRow row = new Fixture().member("A", "A")
                    .content("I", quantitative("X", HIGHER_IS_BETTER, "10"), quantitative("Y", HIGHER_IS_BETTER, "10"))
                    .pledge("A", "X", 100, "Y", 100)
                    .report("A", "Q1", "X", 30, "Y", 40).verify("A", "Q1", "X", 30, "Y", 40)
                    .report("A", "Q2", "X", 60)
                    .score().row("A").orElseThrow();
            assertThat(row.provisional()).isTrue();
        }
    }

    @Nested
    class Ranking {
        @Test
        void equal_totals_share_a_rank_and_the_next_rank_skips() {
            LeagueTable t = new Fixture().member("A", "An Nhơn").member("B", "Bá Thước").member("C", "Cẩm Thủy")
                    .member("D", "Duy Tiên")
                    .content("I", kind("Q", IndicatorKind.COUNT, "10", null))
                    .report("A", "Q1", "Q", 5).report("B", "Q1", "Q", 7).report("C", "Q1", "Q", 7)
                    .report("D", "Q1", "Q", 1)
                    .score();
            assertThat(t.rows()).extracting(LeagueRow::unitCode, LeagueRow::rank)
                    .containsExactly(tuple("B", 1), tuple("C", 1), tuple("A", 3), tuple("D", 4));
        }

        @Test
        void a_unit_without_a_counted_value_is_not_counted_yet() {
            LeagueTable empty = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults()).score();
            assertThat(empty.rows()).extracting(LeagueRow::counted).containsOnly(false);
            assertThat(empty.rows()).extracting(LeagueRow::rank).containsOnly(1);

            LeagueTable t = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "X", 10).pledge("B", "X", 10).pledge("C", "X", 10)
                    .report("B", "Q1", "X", 0)
                    .score();
            // B reported 0: counted, with 0 points like the others; A and C only pledged.
            assertThat(t.rows()).extracting(LeagueRow::unitCode, LeagueRow::counted)
                    .containsExactlyInAnyOrder(tuple("A", false), tuple("B", true), tuple("C", false));
        }

        @Test
        void all_units_equal_all_rank_first() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "X", 10).pledge("B", "X", 10).pledge("C", "X", 10)
                    .report("A", "Q1", "X", 10).report("B", "Q1", "X", 10).report("C", "Q1", "X", 10)
                    .score();
            assertThat(t.rows()).extracting(LeagueRow::rank).containsExactly(1, 1, 1);
            assertThat(t.rows()).extracting(LeagueRow::total).allMatch(v -> v.compareTo(BigDecimal.TEN) == 0);
        }

        @Test
        void ties_follow_the_vietnamese_alphabet_then_the_unit_code() {
            Fixture f = new Fixture().content("I", kind("Q", IndicatorKind.COUNT, "10", null));
            // members given in an order unlike the expected one; "Hà Trung" twice, told apart by code
            List.of(new String[]{"U7", "Ưng Hòa"}, new String[]{"U2", "Đông Sơn"}, new String[]{"U9", "Hà Trung"},
                    new String[]{"U5", "Ân Thi"}, new String[]{"U1", "Uông Bí"}, new String[]{"U4", "Duy Tiên"},
                    new String[]{"U3", "Ăn Khê"}, new String[]{"U8", "Anh Sơn"}, new String[]{"U6", "Hà Trung"},
                    new String[]{"U0", "Ô Môn"}, new String[]{"UA", "Ơn Hòa"}, new String[]{"UB", "Ê Đê"},
                    new String[]{"UC", "Ha Tĩnh"})
                    .forEach(m -> f.member(m[0], m[1]));
            LeagueTable t = f.score();
            // A < Ă < Â, D < Đ, E < Ê, O < Ô < Ơ, U < Ư; a tone mark only breaks a tie ("Ha" before "Hà")
            assertThat(t.rows()).extracting(LeagueRow::unitName).containsExactly(
                    "Anh Sơn", "Ăn Khê", "Ân Thi", "Duy Tiên", "Đông Sơn", "Ê Đê", "Ha Tĩnh", "Hà Trung", "Hà Trung",
                    "Ô Môn", "Ơn Hòa", "Uông Bí", "Ưng Hòa");
            assertThat(t.rows().subList(7, 9)).extracting(LeagueRow::unitCode).containsExactly("U6", "U9");
            assertThat(t.rows()).extracting(LeagueRow::rank).containsOnly(1);
        }

        @Test
        void ties_are_broken_alphabetically_only_among_equal_totals() {
            LeagueTable t = new Fixture().member("Z", "An Nhơn").member("Y", "Đông Sơn").member("X", "Hà Trung")
                    .content("I", kind("Q", IndicatorKind.COUNT, "10", null))
                    .report("X", "Q1", "Q", 3).report("Y", "Q1", "Q", 2).report("Z", "Q1", "Q", 2)
                    .score();
            assertThat(t.rows()).extracting(LeagueRow::unitName).containsExactly("Hà Trung", "An Nhơn", "Đông Sơn");
        }
    }

    @Nested
    class Inputs {
        @Test
        void scores_under_the_rules_it_is_given_and_names_their_version() {
            Fixture f = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("A", "X", 100).pledge("B", "X", 100)
                    .report("A", "Q1", "X", 150).report("B", "Q1", "X", 120);
            ScoringRules v2 = new ScoringRules(2, ScoringMethod.LEADER_INTERPOLATED, null, null, null, null);
            f.history().apply(new ScoringRulesPublished(Fixture.CAMPAIGN, v2));

            LeagueTable current = f.score();
            assertThat(current.rulesVersion()).isEqualTo(2);
            assertThat(current.points("B", "X")).isEqualByComparingTo("7"); // 5 + 5 x 0.2/0.5

            ScoringRules v1 = f.history().terms().rulesVersion(1).orElseThrow();
            LeagueTable earlier = new LeagueTableCalculator().score(f.history().terms(), v1, f.history().units(),
                    Fixture.JANUARY);
            assertThat(earlier.rulesVersion()).isEqualTo(1);
            assertThat(earlier.points("B", "X")).isEqualByComparingTo("12"); // 10 x min(1.2, 1.2)
            assertThat(earlier.campaignId()).isEqualTo(Fixture.CAMPAIGN);
            assertThat(earlier.asOf()).isEqualTo(Fixture.JANUARY);
        }

        @Test
        void submissions_of_non_members_are_ignored() {
            LeagueTable t = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults())
                    .pledge("STRANGER", "X", 1).report("STRANGER", "Q1", "X", 5)
                    .score();
            assertThat(t.rows()).extracting(LeagueRow::unitCode).containsExactlyInAnyOrder("A", "B", "C");
        }

        @Test
        void two_submissions_for_one_unit_are_refused() {
            Fixture f = threeUnits(HIGHER_IS_BETTER, ScoringRules.defaults());
            List<UnitSubmissions> twice = List.of(new UnitSubmissions("A"), new UnitSubmissions("A"));
            assertThatThrownBy(() -> new LeagueTableCalculator().score(f.history().terms(), ScoringRules.defaults(),
                    twice, Fixture.JANUARY)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
