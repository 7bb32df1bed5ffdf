package vn.thidua.query.league;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.shared.StreamIds;

/**
 * Sends every event of one campaign (its own stream and all its members' participations) to the same segment, in
 * order, so one thread on one node keeps that campaign's league table folded. Other events keep Axon's default,
 * one sequence per stream. A dead-lettered event of a campaign holds back that campaign's later events, which is
 * what its table needs: it cannot be right without the event anyway. So does an event that cannot be read.
 */
public class CampaignSequencing implements SequencingPolicy<EventMessage<?>> {
    public static final String BEAN_NAME = "campaignSequencing";
    /** "participation:" — StreamIds.participation("", "") is "participation::". */
    private static final String PARTICIPATION_PREFIX = StreamIds.participation("", "").substring(0,
            StreamIds.participation("", "").length() - 1);

    private final SequentialPerAggregatePolicy perStream = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        String campaignId;
        try {
            campaignId = event.getPayload() instanceof CampaignEvent e ? e.campaignId() : null;
        } catch (RuntimeException unreadable) {
            // A payload that cannot be read fails in its handler and is dead-lettered there, in its campaign's
            // sequence (read off its stream), so that campaign's later events wait behind it and no other's do.
            return event instanceof DomainEventMessage<?> domain ? ofStream(domain.getAggregateIdentifier())
                    : perStream.getSequenceIdentifierFor(event);
        }
        return campaignId != null ? StreamIds.campaign(campaignId) : perStream.getSequenceIdentifierFor(event);
    }

    /**
     * The sequence identifier of any event of a stream, from the stream's identifier alone, as
     * {@link #getSequenceIdentifierFor} gives it: lets a caller find the segment that handles a stream's events
     * (codes and ids never contain ':', see Codes).
     */
    public static String ofStream(String streamId) {
        if (streamId.startsWith(PARTICIPATION_PREFIX)) {
            int unit = streamId.lastIndexOf(':');
            return StreamIds.campaign(streamId.substring(PARTICIPATION_PREFIX.length(), unit));
        }
        return streamId;
    }
}
