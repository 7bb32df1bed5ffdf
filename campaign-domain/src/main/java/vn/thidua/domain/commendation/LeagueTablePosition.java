package vn.thidua.domain.commendation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The exact league-table position a proposal is based on: the unit's rank and total under a rule version,
 * as the table stood at {@code asOf}; {@code provisional} if any value behind it was not yet verified.
 */
public record LeagueTablePosition(int rank, BigDecimal total, int rulesVersion, Instant asOf, boolean provisional) {
}
