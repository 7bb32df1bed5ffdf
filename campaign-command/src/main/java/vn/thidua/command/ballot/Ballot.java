package vn.thidua.command.ballot;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.domain.ballot.BallotClosed;
import vn.thidua.domain.ballot.BallotOpened;
import vn.thidua.domain.ballot.BallotVoted;
import vn.thidua.domain.ballot.Candidate;
import vn.thidua.domain.ballot.CandidateResult;
import vn.thidua.domain.ballot.CastVote;
import vn.thidua.domain.ballot.Choice;
import vn.thidua.domain.ballot.CloseBallot;
import vn.thidua.domain.ballot.OpenBallot;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.Codes;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotPermitted;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.thidua.command.support.Rules.notBlank;
import static vn.thidua.command.support.Rules.require;

/**
 * A secret ballot (bỏ phiếu kín) of a cluster on candidates for awards, after the campaign closes: each member unit
 * votes once before {@code closesAt}; the close records the tally from the anonymous ballots of the ballot box.
 * This aggregate knows who voted, never how: a vote's choices are checked here and recorded nowhere by it.
 */
@Aggregate(commandTargetResolver = StreamTargetResolver.BEAN_NAME)
public class Ballot {
    @AggregateIdentifier
    private String id;
    private String ballotId;
    private String campaignId;
    private Instant closesAt;
    private List<Candidate> candidates;
    private Set<String> eligible;
    private final Set<String> voted = new HashSet<>();
    private boolean closed;

    protected Ballot() {
    }

    @CommandHandler
    public Ballot(OpenBallot cmd, CampaignTermsLookup campaigns, Clock clock) {
        if (!Codes.isId(cmd.ballotId())) {
            throw new InvalidValue("ballotId", "invalid-id", "is not a valid id: " + Codes.ID_PATTERN);
        }
        notBlank("title", cmd.title());
        if (cmd.closesAt() == null) {
            throw new InvalidValue("closesAt", "required", "is required");
        }
        if (cmd.candidates() == null || cmd.candidates().isEmpty()) {
            throw new InvalidValue("candidates", "required", "a ballot needs at least one candidate");
        }
        CampaignTerms terms = campaigns.require(cmd.campaignId());
        require(terms.closed(), "ballot.campaign-open",
                "a ballot is opened only after campaign " + cmd.campaignId() + " is closed");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < cmd.candidates().size(); i++) {
            Candidate c = cmd.candidates().get(i);
            if (c == null || c.award() == null || c.unitCode() == null) {
                throw new InvalidValue("candidates[" + i + "]", "required", "a candidate names a unit and an award");
            }
            if (!terms.isMember(c.unitCode())) {
                throw new InvalidValue("candidates[" + i + "].unitCode", "ballot.candidate-not-member",
                        "unit " + c.unitCode() + " is not a member of campaign " + cmd.campaignId());
            }
            if (!keys.add(c.key())) {
                throw new InvalidValue("candidates[" + i + "]", "ballot.candidate-twice",
                        c.key() + " is a candidate twice");
            }
        }
        require(cmd.closesAt().isAfter(clock.instant()), "ballot.closes-in-past",
                "the ballot would close at " + cmd.closesAt() + ", which has passed");
        apply(new BallotOpened(cmd.ballotId(), cmd.campaignId(), cmd.title(), cmd.closesAt(),
                List.copyOf(cmd.candidates()), terms.members().stream().map(UnitRef::code).toList()));
    }

    /**
     * Records that the unit voted. The choices are checked (exactly the candidates, each FOR, AGAINST or ABSTAIN)
     * so that a refused vote never reaches the ballot box; the event carries none of them.
     */
    @CommandHandler
    public void handle(CastVote cmd, Clock clock) {
        require(!closed, "ballot.closed", "ballot " + ballotId + " is closed");
        require(clock.instant().isBefore(closesAt), "ballot.past-closing",
                "ballot " + ballotId + " closed for votes at " + closesAt);
        if (!eligible.contains(cmd.unitCode())) {
            throw new NotPermitted("ballot.not-eligible",
                    "unit " + cmd.unitCode() + " is not a member of the cluster voting in ballot " + ballotId);
        }
        require(!voted.contains(cmd.unitCode()), "ballot.already-voted",
                "unit " + cmd.unitCode() + " has already voted in ballot " + ballotId);
        parseChoices(candidates, cmd.choices());
        apply(new BallotVoted(ballotId, cmd.unitCode()));
    }

    /**
     * The choices of one vote as the ballot box keeps them: exactly one per candidate. The messages name the
     * candidate key at fault, never a choice together with the voter.
     */
    public static Map<String, Choice> parseChoices(List<Candidate> candidates, Map<String, String> choices) {
        if (choices == null || choices.isEmpty()) {
            throw new InvalidValue("choices", "ballot.choices-required", "a vote gives a choice for every candidate");
        }
        Map<String, Choice> parsed = new TreeMap<>();
        Set<String> keys = new LinkedHashSet<>();
        candidates.forEach(c -> keys.add(c.key()));
        for (Map.Entry<String, String> e : choices.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw new InvalidValue("choices", "ballot.choice-not-candidate",
                        "'" + e.getKey() + "' is not a candidate of this ballot", e.getKey());
            }
            Choice choice;
            try {
                choice = e.getValue() == null ? null : Choice.valueOf(e.getValue());
            } catch (IllegalArgumentException notAChoice) {
                choice = null;
            }
            if (choice == null) {
                throw new InvalidValue("choices." + e.getKey(), "ballot.choice-invalid",
                        "a choice is FOR, AGAINST or ABSTAIN");
            }
            parsed.put(e.getKey(), choice);
        }
        for (String key : keys) {
            if (!parsed.containsKey(key)) {
                throw new InvalidValue("choices." + key, "ballot.choice-missing",
                        "a vote gives a choice for every candidate; none for " + key, key);
            }
        }
        return parsed;
    }

    /**
     * Closes the ballot with the box's ballots: no more ballots than units that voted, each naming exactly the
     * candidates. A second close is refused and records nothing.
     */
    @CommandHandler
    public void handle(CloseBallot cmd) {
        require(!closed, "ballot.closed", "ballot " + ballotId + " is already closed");
        List<Map<String, Choice>> ballots = cmd.ballots() == null ? List.of() : cmd.ballots();
        require(ballots.size() <= voted.size(), "ballot.box-exceeds-turnout",
                ballots.size() + " ballots in the box, but " + voted.size() + " units voted");
        Set<String> keys = new HashSet<>();
        candidates.forEach(c -> keys.add(c.key()));
        for (Map<String, Choice> b : ballots) {
            require(b != null && b.keySet().equals(keys) && b.values().stream().allMatch(java.util.Objects::nonNull), "ballot.box-invalid",
                    "a ballot in the box does not give one choice per candidate");
        }
        List<CandidateResult> results = new ArrayList<>();
        for (Candidate c : candidates) {
            int inFavour = 0;
            int against = 0;
            int abstain = 0;
            for (Map<String, Choice> b : ballots) {
                switch (b.get(c.key())) {
                    case FOR -> inFavour++;
                    case AGAINST -> against++;
                    case ABSTAIN -> abstain++;
                }
            }
            results.add(new CandidateResult(c.unitCode(), c.award(), inFavour, against, abstain, ballots.size()));
        }
        apply(new BallotClosed(ballotId, campaignId, results,
                ballots.stream().map(b -> (Map<String, Choice>) new TreeMap<>(b)).toList()));
    }

    @EventSourcingHandler
    void on(BallotOpened event) {
        this.id = StreamIds.ballot(event.ballotId());
        this.ballotId = event.ballotId();
        this.campaignId = event.campaignId();
        this.closesAt = event.closesAt();
        this.candidates = List.copyOf(event.candidates());
        this.eligible = Set.copyOf(event.eligible());
    }

    @EventSourcingHandler
    void on(BallotVoted event) {
        voted.add(event.unitCode());
    }

    @EventSourcingHandler
    void on(BallotClosed event) {
        this.closed = true;
    }
}
