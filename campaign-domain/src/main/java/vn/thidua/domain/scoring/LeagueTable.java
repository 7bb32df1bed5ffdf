package vn.thidua.domain.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A campaign's ranking under one rule version at one instant; rows in rank order. */
public record LeagueTable(String campaignId, int rulesVersion, Instant asOf, List<LeagueRow> rows) {

    public LeagueTable {
        rows = List.copyOf(rows);
    }

    public Optional<LeagueRow> row(String unitCode) {
        for (LeagueRow r : rows) {
            if (r.unitCode().equals(unitCode)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** One unit's points for one indicator. */
    public BigDecimal points(String unitCode, String indicatorCode) {
        return row(unitCode).orElseThrow(() -> new IllegalArgumentException("no row for " + unitCode))
                .points(indicatorCode);
    }
}
