package vn.thidua.domain.participation;

import vn.thidua.domain.campaign.CampaignEvent;

/** An event of one unit's participation stream in a campaign. */
public interface ParticipationEvent extends CampaignEvent {
    String participationId();

    String unitCode();
}
