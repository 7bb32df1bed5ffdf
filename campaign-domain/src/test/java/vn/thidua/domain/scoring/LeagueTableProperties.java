package vn.thidua.domain.scoring;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LeagueTableProperties {

    @Provide
    Arbitrary<RandomCampaign> campaigns() {
        return Arbitraries.longs().map(RandomCampaign::of);
    }

    @Property(tries = 500)
    void ranks_agree_with_totals(@ForAll("campaigns") RandomCampaign c) {
        List<LeagueRow> rows = c.score().rows();
        for (int i = 0; i < rows.size(); i++) {
            LeagueRow row = rows.get(i);
            long better = rows.stream().filter(o -> o.total().compareTo(row.total()) > 0).count();
            assertThat(row.rank()).as("rank = 1 + number of strictly higher totals").isEqualTo(1 + better);
            if (i > 0) {
                LeagueRow above = rows.get(i - 1);
                assertThat(row.total()).isLessThanOrEqualTo(above.total());
                assertThat(row.rank() == above.rank()).isEqualTo(row.total().compareTo(above.total()) == 0);
            }
        }
    }

    @Property(tries = 500)
    void input_order_changes_nothing(@ForAll("campaigns") RandomCampaign c, @ForAll long shuffleSeed) {
        assertThat(c.shuffled(new Random(shuffleSeed)).score()).isEqualTo(c.score());
    }

    @Property(tries = 500)
    void indicator_points_stay_within_their_bounds(@ForAll("campaigns") RandomCampaign c) {
        BigDecimal cap = c.rules().cap() == null ? BigDecimal.ONE : c.rules().cap();
        for (LeagueRow row : c.score().rows()) {
            for (Indicator indicator : c.terms().indicators().values()) {
                BigDecimal points = row.points(indicator.code());
                BigDecimal w = indicator.weight();
                if (indicator.kind() == IndicatorKind.ADJUSTMENT) {
                    assertThat(points.abs()).isLessThanOrEqualTo(w);
                    continue;
                }
                BigDecimal max = indicator.kind() == IndicatorKind.QUANTITATIVE
                        && c.rules().method() == ScoringMethod.RATIO_CAPPED
                        ? w.multiply(cap.max(BigDecimal.ZERO)).setScale(4, RoundingMode.HALF_UP) : w;
                assertThat(points).as("%s of %s", indicator.code(), row.unitCode())
                        .isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThanOrEqualTo(max);
            }
        }
    }

    @Property(tries = 300)
    void the_numbers_add_up_and_every_member_has_one_row(@ForAll("campaigns") RandomCampaign c) {
        LeagueTable table = c.score();
        assertThat(table.rows()).extracting(LeagueRow::unitCode)
                .containsExactlyInAnyOrderElementsOf(c.terms().members().stream().map(UnitRef::code).toList());
        for (LeagueRow row : table.rows()) {
            assertThat(row.contents().keySet()).containsExactlyElementsOf(
                    c.terms().contents().stream().map(Content::code).toList());
            BigDecimal sum = BigDecimal.ZERO;
            for (Content content : c.terms().contents()) {
                BigDecimal contentSum = content.indicators().stream().map(i -> row.points(i.code()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(row.contents().get(content.code())).isEqualByComparingTo(contentSum);
                sum = sum.add(contentSum);
            }
            assertThat(row.penalties()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(row.total()).isEqualByComparingTo(sum.subtract(row.penalties()));
            assertThat(row.total().scale()).isEqualTo(4);
        }
    }

    @Property(tries = 300)
    void a_unit_is_provisional_only_if_something_unverified_counts(@ForAll("campaigns") RandomCampaign c) {
        for (UnitSubmissions unit : c.units()) {
            boolean allVerifiedOrRejected = unit.reports().values().stream()
                    .allMatch(r -> r.status() != ReportStatus.SUBMITTED);
            if (allVerifiedOrRejected) {
                c.score().row(unit.unitCode()).ifPresent(row -> assertThat(row.provisional()).isFalse());
            }
        }
    }
}
