package vn.thidua.domain.campaign;

/**
 * An event of a campaign's stream or of one of its participations' streams: everything a campaign's league table is
 * folded from. Events of a commendation name a campaign too but belong to the commendation's stream, so they are
 * {@link vn.thidua.domain.commendation.CommendationEvent}s, not campaign events.
 * <p>
 * The events are records whose components already have these accessors: implementing the interface adds no
 * property to their stored JSON.
 */
public interface CampaignEvent {
    String campaignId();
}
