package vn.thidua.domain.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One unit's line in the league table. All amounts have scale 4.
 *
 * @param contents   content code to points, in content order, every content present
 * @param indicators indicator code to points, in content order, every indicator present
 * @param penalties  the points deducted for late, rejected and missing reports; never negative
 * @param counted    whether the unit has at least one counted value (LeagueTableCalculator, "Counted values"):
 *                   a unit without one has its rank by the rule like every other, but a page shows it as not ranked
 *                   yet ("Chưa xếp hạng") rather than first with 0 points
 */
public record LeagueRow(int rank, String unitCode, String unitName, BigDecimal total, boolean provisional,
                        Map<String, BigDecimal> contents, Map<String, BigDecimal> indicators, BigDecimal penalties,
                        boolean counted) {

    public LeagueRow {
        contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }

    /** A row whose unit has counted values (as every row was before {@code counted} existed). */
    public LeagueRow(int rank, String unitCode, String unitName, BigDecimal total, boolean provisional,
                     Map<String, BigDecimal> contents, Map<String, BigDecimal> indicators, BigDecimal penalties) {
        this(rank, unitCode, unitName, total, provisional, contents, indicators, penalties, true);
    }

    /** Points for one indicator, or null if the campaign has no such indicator. */
    public BigDecimal points(String indicatorCode) {
        return indicators.get(indicatorCode);
    }

    LeagueRow ranked(int newRank) {
        return new LeagueRow(newRank, unitCode, unitName, total, provisional, contents, indicators, penalties, counted);
    }
}
