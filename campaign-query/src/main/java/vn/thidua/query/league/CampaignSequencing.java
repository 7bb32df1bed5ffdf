package vn.thidua.query.league;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import vn.thidua.query.store.CampaignOf;

/**
 * Sends every event of one campaign (its own stream and all its members' participations) to the same segment, in
 * order, so one thread on one node keeps that campaign's league table folded. Other events keep Axon's default,
 * one sequence per stream. A dead-lettered event of a campaign holds back that campaign's later events, which is
 * what its table needs: it cannot be right without the event anyway.
 */
public class CampaignSequencing implements SequencingPolicy<EventMessage<?>> {
    public static final String BEAN_NAME = "campaignSequencing";

    private final SequentialPerAggregatePolicy perStream = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        String campaignId = CampaignOf.event(event.getPayload());
        return campaignId != null ? "campaign:" + campaignId : perStream.getSequenceIdentifierFor(event);
    }
}
