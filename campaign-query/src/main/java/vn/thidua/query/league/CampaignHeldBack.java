package vn.thidua.query.league;

import vn.thidua.eventstore.StoredEvent;
import vn.thidua.eventstore.UnreadablePayload;

/**
 * A campaign whose history holds an event no reader can read: its league table stays as it stood before that
 * event, and its later events are dead-lettered behind this refusal (one sequence per campaign), so an operator
 * sees which event and why, while every other campaign goes on.
 */
public class CampaignHeldBack extends RuntimeException {
    public CampaignHeldBack(String campaignId, StoredEvent unreadable) {
        super("campaign " + campaignId + " is held back: the event at position " + unreadable.position() + " ("
                + unreadable.typeName() + " of " + unreadable.streamId() + ", sequence " + unreadable.sequence()
                + ") cannot be read: " + ((UnreadablePayload) unreadable.payload()).reason());
    }
}
