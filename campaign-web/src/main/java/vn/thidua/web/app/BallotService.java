package vn.thidua.web.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Service;
import vn.thidua.command.ballot.Ballot;
import vn.thidua.command.ballot.BallotBox;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.ballot.BallotOpened;
import vn.thidua.domain.ballot.BallotVoted;
import vn.thidua.domain.ballot.Candidate;
import vn.thidua.domain.ballot.CastVote;
import vn.thidua.domain.ballot.Choice;
import vn.thidua.domain.ballot.CloseBallot;
import vn.thidua.domain.ballot.OpenBallot;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Role;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventStreams;
import vn.thidua.query.ballot.BallotQueries;
import vn.thidua.query.ballot.BallotView;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.Permissions;
import org.springframework.security.access.AccessDeniedException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Secret ballots: the cluster head opens one after close, each member unit votes once (its officer, or the head for
 * the head's own unit), the head closes it or it closes itself at {@code closesAt} ({@link BallotClosing}).
 * <p>
 * A vote travels in two steps that never share a transaction: {@code CastVote} records only that the unit voted
 * (its event carries the acting user in its metadata, which is public turnout), and only once that is stored are the
 * choices dropped into the {@link BallotBox}, unlinked. Nothing here logs a vote. README, "Secret ballot: threat
 * model".
 */
@Service
public class BallotService {
    /** The actor the automatic close at {@code closesAt} is recorded under. */
    public static final Actor CLOSING_CLOCK = new Actor("thidua-ballot-clock", null, Role.OPERATOR);
    /** How long a close waits for a vote whose event is stored but whose ballot is still on its way to the box. */
    private static final long BOX_WAIT_MILLIS = 3000;

    private final CommandSender commands;
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final EventStreams streams;
    private final BallotBox box;
    private final BallotQueries queries;

    public BallotService(CommandSender commands, CampaignTermsLookup campaigns, Permissions permissions,
                         EventStreams streams, BallotBox box, BallotQueries queries) {
        this.commands = commands;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.streams = streams;
        this.box = box;
        this.queries = queries;
    }

    /** Answers the ballot's id (the caller's, or a new one). */
    public String open(Caller caller, String campaignId, String ballotId, String title, Instant closesAt,
                       List<Candidate> candidates) {
        CampaignTerms terms = campaigns.require(campaignId);
        Actor actor = permissions.headOf(caller.user(), terms.headUnit());
        String id = ballotId != null ? ballotId : UUID.randomUUID().toString();
        if (!streams.read(StreamIds.ballot(id)).isEmpty()) {
            throw new vn.thidua.domain.shared.RuleViolation("ballot.exists", "ballot " + id + " exists already");
        }
        commands.send(actor, caller, new OpenBallot(id, campaignId, title, closesAt, candidates));
        return id;
    }

    /** The caller's unit votes; answers once the vote is stored and its ballot is in the box. */
    public Dispatched<?> vote(Caller caller, String ballotId, Map<String, String> choices) {
        BallotOpened ballot = opened(ballotId);
        String unit = caller.user().unitCode();
        if (unit == null) {
            throw new AccessDeniedException("only a member unit's officer or the cluster head votes");
        }
        Actor actor = permissions.officerOf(caller.user(), unit);
        // Parsed before anything is sent: the aggregate checks the same, so a refused vote never reaches the box.
        Map<String, Choice> parsed = Ballot.parseChoices(ballot.candidates(), choices);
        Dispatched<?> sent = commands.send(actor, caller, new CastVote(ballotId, unit, choices));
        box.drop(ballotId, parsed);
        return sent;
    }

    /** The cluster head closes the ballot now. */
    public Dispatched<?> close(Caller caller, String ballotId) {
        BallotOpened ballot = opened(ballotId);
        Actor actor = permissions.headOf(caller.user(), campaigns.require(ballot.campaignId()).headUnit());
        return closeAs(actor, caller, ballotId);
    }

    /** Closes every open ballot whose closing time has come (any node may; a second close is refused). */
    public int closeDue(Instant now) {
        int closed = 0;
        for (BallotView due : queries.due(now)) {
            try {
                closeAs(CLOSING_CLOCK, new Caller(null, UUID.randomUUID().toString(), null, Consistency.STORED),
                        due.ballotId());
                closed++;
            } catch (vn.thidua.domain.shared.RuleViolation alreadyClosed) {
                // Another node closed it first, or the head did: nothing to do.
            }
        }
        return closed;
    }

    private Dispatched<?> closeAs(Actor actor, Caller caller, String ballotId) {
        long voted = streams.read(StreamIds.ballot(ballotId)).stream()
                .filter(m -> m.getPayload() instanceof BallotVoted).count();
        long deadline = System.currentTimeMillis() + BOX_WAIT_MILLIS;
        while (box.count(ballotId) < voted && System.currentTimeMillis() < deadline) {
            pause();
        }
        Dispatched<?> sent = commands.send(actor, caller, new CloseBallot(ballotId, box.shuffled(ballotId)));
        box.empty(ballotId);
        return sent;
    }

    public BallotView get(String ballotId) {
        return queries.require(ballotId);
    }

    public List<BallotView> ofCampaign(String campaignId) {
        campaigns.require(campaignId);
        return queries.ofCampaign(campaignId);
    }

    /** The ballot as opened, from its own stream (the read model may not have it yet). */
    private BallotOpened opened(String ballotId) {
        List<DomainEventMessage<?>> events = streams.read(StreamIds.ballot(ballotId));
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof BallotOpened opened)) {
            throw new NotFound("ballot", ballotId);
        }
        return opened;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
