package vn.thidua.domain.query;

import vn.thidua.domain.campaign.ScoringRules;

import java.time.Instant;

/** What the league table would be under a draft rule set, without publishing it. */
public record LeagueTablePreviewQuery(String campaignId, ScoringRules draft, Instant asOf) {
}
