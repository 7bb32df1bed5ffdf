package vn.thidua.domain.campaign;

public record CampaignClosed(String campaignId) implements CampaignEvent {
}
