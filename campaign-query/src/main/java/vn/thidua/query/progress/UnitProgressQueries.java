package vn.thidua.query.progress;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.query.UnitProgressQuery;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.store.CampaignTermsReader;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers {@link UnitProgressQuery} from the progress tables. The latest value is that of the latest period (in
 * campaign order) not rejected, verified where verified. Status: ACHIEVED at or past the target; ON_TRACK when the
 * share of target is at least the share of periods elapsed up to that report (values are cumulative); BEHIND
 * otherwise; NOT_REPORTED without a value. Yes/no indicators are ACHIEVED or BEHIND.
 */
@Component
public class UnitProgressQueries {
    private final ProgressStore store;
    private final ProjectionStates states;
    private final CampaignTermsReader campaigns;

    public UnitProgressQueries(ProgressStore store, ProjectionStates states, CampaignTermsReader campaigns) {
        this.store = store;
        this.states = states;
        this.campaigns = campaigns;
    }

    @QueryHandler
    public UnitProgress handle(UnitProgressQuery query) {
        CampaignTerms terms = campaigns.require(query.campaignId());
        if (!terms.isMember(query.unitCode())) {
            throw new NotFound("unit", query.unitCode() + " in campaign " + query.campaignId());
        }
        int generation = states.activeGeneration(UnitProgressProjection.NAME);
        Map<String, BigDecimal> targets = store.targets(generation, query.campaignId(), query.unitCode()).stream()
                .collect(Collectors.toMap(ProgressStore.TargetRow::indicator, ProgressStore.TargetRow::target));
        Map<String, List<ProgressStore.ValueRow>> values = store.values(generation, query.campaignId(),
                query.unitCode()).stream().collect(Collectors.groupingBy(ProgressStore.ValueRow::indicator));
        Map<String, Integer> periodOrder = new java.util.HashMap<>();
        for (int i = 0; i < terms.periods().size(); i++) {
            periodOrder.put(terms.periods().get(i).code(), i);
        }
        List<UnitProgress.Indicator> indicators = new ArrayList<>();
        for (Indicator indicator : terms.indicators().values()) {
            List<ProgressStore.ValueRow> rows = new ArrayList<>(values.getOrDefault(indicator.code(), List.of()));
            rows.sort(Comparator.comparing(r -> periodOrder.getOrDefault(r.period(), Integer.MAX_VALUE)));
            indicators.add(progress(terms, indicator, targets.get(indicator.code()), rows, periodOrder));
        }
        return new UnitProgress(query.campaignId(), query.unitCode(), indicators);
    }

    private static UnitProgress.Indicator progress(CampaignTerms terms, Indicator indicator, BigDecimal target,
                                                   List<ProgressStore.ValueRow> rows, Map<String, Integer> order) {
        List<UnitProgress.PeriodValue> history = rows.stream().map(r -> new UnitProgress.PeriodValue(r.period(),
                r.verified() != null ? r.verified() : r.reported(), r.reported(), r.verified(), r.status(), r.late(),
                r.at(), r.verifiedBy(), r.reason())).toList();
        ProgressStore.ValueRow latestRow = null;
        for (ProgressStore.ValueRow r : rows) {
            if (!"REJECTED".equals(r.status())) {
                latestRow = r;
            }
        }
        BigDecimal latest = latestRow == null ? null : (latestRow.verified() != null ? latestRow.verified()
                : latestRow.reported());
        BigDecimal ratio = ratio(indicator, target, latest);
        UnitProgress.Status status;
        if (latest == null) {
            status = UnitProgress.Status.NOT_REPORTED;
        } else if (indicator.kind() == IndicatorKind.QUALITATIVE) {
            status = latest.signum() != 0 ? UnitProgress.Status.ACHIEVED : UnitProgress.Status.BEHIND;
        } else if (ratio == null) {
            status = meetsZeroTarget(indicator, target, latest) ? UnitProgress.Status.ACHIEVED
                    : UnitProgress.Status.BEHIND;
        } else if (ratio.compareTo(BigDecimal.ONE) >= 0) {
            status = UnitProgress.Status.ACHIEVED;
        } else {
            int elapsed = order.getOrDefault(latestRow.period(), terms.periods().size() - 1) + 1;
            BigDecimal expected = BigDecimal.valueOf(elapsed)
                    .divide(BigDecimal.valueOf(terms.periods().size()), MathContext.DECIMAL64);
            status = ratio.compareTo(expected) >= 0 ? UnitProgress.Status.ON_TRACK : UnitProgress.Status.BEHIND;
        }
        return new UnitProgress.Indicator(indicator.code(), indicator.title(), indicator.unit(),
                indicator.kind().name(), target, latest, ratio, status, history);
    }

    /** Share of target: A/T, or T/A when lower is better; null when it cannot be a finite share. */
    static BigDecimal ratio(Indicator indicator, BigDecimal target, BigDecimal latest) {
        if (target == null || latest == null || indicator.kind() == IndicatorKind.QUALITATIVE) {
            return null;
        }
        boolean lower = indicator.direction() == Direction.LOWER_IS_BETTER;
        BigDecimal numerator = lower ? target : latest;
        BigDecimal denominator = lower ? latest : target;
        if (denominator.signum() <= 0) {
            return null;
        }
        return numerator.divide(denominator, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
    }

    private static boolean meetsZeroTarget(Indicator indicator, BigDecimal target, BigDecimal latest) {
        if (target == null) {
            return false;
        }
        return indicator.direction() == Direction.LOWER_IS_BETTER ? latest.compareTo(target) <= 0
                : latest.compareTo(target) >= 0;
    }

}
