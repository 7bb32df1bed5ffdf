package vn.thidua.domain.campaign;

public record ScoringRulesPublished(String campaignId, ScoringRules rules) implements CampaignEvent {
}
