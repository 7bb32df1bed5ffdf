package vn.thidua.domain.query;

import java.time.Instant;

/**
 * The league table of a campaign: as it stands ({@code asOf} null) or as it stood at an instant, under the rule
 * version in force or a named one ({@code rulesVersion}).
 */
public record LeagueTableQuery(String campaignId, Instant asOf, Integer rulesVersion) {
}
