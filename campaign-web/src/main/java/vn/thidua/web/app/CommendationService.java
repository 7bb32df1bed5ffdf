package vn.thidua.web.app;

import vn.thidua.query.league.LeagueTableQueries;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.commendation.ApproveCommendation;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.commendation.ConferCommendation;
import vn.thidua.domain.commendation.LeagueTablePosition;
import vn.thidua.domain.commendation.ProposeCommendation;
import vn.thidua.domain.commendation.RejectCommendation;
import vn.thidua.domain.commendation.RevokeCommendation;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.ballot.BallotClosed;
import vn.thidua.domain.ballot.BallotOpened;
import vn.thidua.domain.ballot.CandidateResult;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.web.api.CommendationView;
import vn.thidua.eventstore.EventStreams;
import vn.thidua.web.api.Queries;
import vn.thidua.web.security.Permissions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static vn.thidua.command.support.Rules.require;

/**
 * Commendations: the cluster head proposes after close, citing the unit's position in the league table as it stands
 * and the ballot; the board approves or rejects, confers and revokes. Eligibility that depends on the ranking and on
 * the campaign's other commendations is checked here, before the proposal is recorded.
 */
@Service
public class CommendationService {
    private final CommandSender commands;
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final EventStreams streams;
    private final QueryGateway queries;
    private final LeagueTableQueries leagueTables;
    private final AwardHistoryService awardHistory;

    public CommendationService(CommandSender commands, CampaignTermsLookup campaigns, Permissions permissions,
                               EventStreams streams, QueryGateway queries, LeagueTableQueries leagueTables,
                               AwardHistoryService awardHistory) {
        this.awardHistory = awardHistory;
        this.leagueTables = leagueTables;
        this.commands = commands;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.streams = streams;
        this.queries = queries;
    }

    /** Answers the new commendation's id. */
    public String propose(Caller caller, String campaignId, String unitCode, Award award, String rationale,
                          Ballot ballot) {
        return propose(caller, campaignId, unitCode, award, rationale, ballot, null);
    }

    /**
     * Answers the new commendation's id. The ballot is either a paper ballot's typed numbers or, with {@code ballotId},
     * the tally of a closed ballot of the campaign for this unit and award, taken from the ballot's own stream.
     */
    public String propose(Caller caller, String campaignId, String unitCode, Award award, String rationale,
                          Ballot typed, String ballotId) {
        CampaignTerms terms = campaigns.require(campaignId);
        if (typed != null && ballotId != null) {
            throw new InvalidValue("ballotId", "ballot-or-ballot-id",
                    "a proposal cites either a paper ballot's numbers or a ballot held in the app, not both");
        }
        Ballot ballot = ballotId == null ? typed : tallyOf(ballotId, campaignId, unitCode, award);
        var actor = permissions.headOf(caller.user(), terms.headUnit());
        require(terms.closed(), "commendation.campaign-open",
                "commendations are proposed only after campaign " + campaignId + " is closed");
        LeagueTable table = Queries.ask(queries, new LeagueTableQuery(campaignId, null, null), LeagueTable.class);
        LeagueRow row = table.row(unitCode).orElseThrow(() -> new NotFound("unit", unitCode
                + " in campaign " + campaignId));
        List<CommendationView> existing = list(campaignId);
        // The award history (every commendation stream) is read only for the one award that depends on it.
        checkEligibility(award, row, existing, holdsInCampaign(existing, unitCode)
                || award == Award.GOVERNMENT_FLAG && awardHistory.holdsProvincialFlag(unitCode));
        // The proposal cites the table the cluster meeting approved; a flag needs one.
        Optional<LeagueTableQueries.Approved> approved = leagueTables.approved(campaignId);
        require(!award.isFlag() || approved.isPresent(), "commendation.table-not-approved",
                "a flag is proposed on the league table approved by the cluster meeting; campaign " + campaignId
                        + " has none yet");
        if (approved.isPresent()) {
            table = approved.get().table();
            row = table.row(unitCode).orElseThrow(() -> new NotFound("unit", unitCode + " in the approved table"));
        }
        String id = UUID.randomUUID().toString();
        commands.send(actor, caller, new ProposeCommendation(id, campaignId, unitCode, award, rationale, ballot,
                new LeagueTablePosition(row.rank(), row.total(), table.rulesVersion(), table.asOf(),
                        row.provisional()), ballotId));
        return id;
    }

    /** The closed ballot's tally of this candidate, as recorded in its BallotClosed event. */
    private Ballot tallyOf(String ballotId, String campaignId, String unitCode, Award award) {
        var events = streams.read(StreamIds.ballot(ballotId));
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof BallotOpened opened)
                || !opened.campaignId().equals(campaignId)) {
            throw new NotFound("ballot", ballotId + " in campaign " + campaignId);
        }
        BallotClosed closed = events.stream().map(m -> m.getPayload()).filter(BallotClosed.class::isInstance)
                .map(BallotClosed.class::cast).findFirst()
                .orElseThrow(() -> new RuleViolation("commendation.ballot-open",
                        "ballot " + ballotId + " is still open: a proposal cites a closed ballot's tally"));
        CandidateResult result = closed.results().stream()
                .filter(r -> r.unitCode().equals(unitCode) && r.award() == award).findFirst()
                .orElseThrow(() -> new RuleViolation("commendation.not-a-candidate",
                        "unit " + unitCode + " was not a candidate for " + award + " in ballot " + ballotId));
        if (result.cast() < 1) {
            throw new RuleViolation("commendation.ballot-empty", "no ballot was cast in ballot " + ballotId);
        }
        return result.asBallot();
    }

    /**
     * Flags go only to the leading unit of a final (not provisional) table; the Government flag to at most 20% of
     * the campaign's provincial-flag holders (rounded down, at least one where any exists), each of them a holder.
     */
    static void checkEligibility(Award award, LeagueRow row, List<CommendationView> existing) {
        checkEligibility(award, row, existing, holdsInCampaign(existing, row.unitCode()));
    }

    private static boolean holdsInCampaign(List<CommendationView> existing, String unitCode) {
        return existing.stream().anyMatch(c -> c.standing() && c.award() == Award.PROVINCIAL_FLAG
                && c.unitCode().equals(unitCode) && ("APPROVED".equals(c.status()) || "CONFERRED".equals(c.status())));
    }

    /**
     * As above; {@code holdsProvincialFlag} says whether the unit holds the provincial flag, from this campaign or
     * its award history (any campaign, through its lineage).
     */
    static void checkEligibility(Award award, LeagueRow row, List<CommendationView> existing,
                                 boolean holdsProvincialFlag) {
        require(existing.stream().noneMatch(c -> c.standing() && c.award() == award
                        && c.unitCode().equals(row.unitCode())), "commendation.already-proposed",
                "unit " + row.unitCode() + " already has a standing proposal for " + award);
        if (!award.isFlag()) {
            return;
        }
        require(!row.provisional(), "commendation.provisional-ranking",
                "unit " + row.unitCode() + "'s standing is provisional: a flag needs verified results");
        require(row.rank() == 1, "commendation.not-leading",
                "an emulation flag goes only to the leading unit; " + row.unitCode() + " ranks " + row.rank());
        if (award == Award.GOVERNMENT_FLAG) {
            List<CommendationView> standing = existing.stream().filter(CommendationView::standing).toList();
            Set<String> holders = standing.stream().filter(c -> c.award() == Award.PROVINCIAL_FLAG
                            && ("APPROVED".equals(c.status()) || "CONFERRED".equals(c.status())))
                    .map(CommendationView::unitCode).collect(Collectors.toSet());
            require(holdsProvincialFlag, "commendation.government-flag-needs-provincial-flag",
                    "the Government flag goes only to a holder of the provincial flag");
            long allowed = Math.max(1, holders.size() / 5);
            long proposed = standing.stream().filter(c -> c.award() == Award.GOVERNMENT_FLAG).count();
            require(proposed < allowed, "commendation.government-flag-quota",
                    "at most 20% of the " + holders.size() + " provincial-flag holders (" + allowed
                            + ") may receive the Government flag; " + proposed + " already proposed");
        }
    }

    public void approve(Caller caller, String id, String comment) {
        commands.send(permissions.board(caller.user()), caller, new ApproveCommendation(id, comment));
    }

    public void reject(Caller caller, String id, String comment) {
        commands.send(permissions.board(caller.user()), caller, new RejectCommendation(id, comment));
    }

    public void confer(Caller caller, String id, String decisionNo, LocalDate decisionDate) {
        commands.send(permissions.board(caller.user()), caller, new ConferCommendation(id, decisionNo, decisionDate));
    }

    public void revoke(Caller caller, String id, String reason) {
        commands.send(permissions.board(caller.user()), caller, new RevokeCommendation(id, reason));
    }

    public Optional<CommendationView> find(String id) {
        return Optional.ofNullable(CommendationView.of(streams.read(StreamIds.commendation(id))));
    }

    /** Every commendation of every campaign (the search reads them all once). */
    public List<CommendationView> all() {
        return streams.streamsStartedBy(CommendationProposed.class).stream()
                .map(stream -> CommendationView.of(streams.read(stream)))
                .filter(c -> c != null)
                .toList();
    }

    public List<CommendationView> list(String campaignId) {
        campaigns.require(campaignId);
        return all().stream().filter(c -> c.campaignId().equals(campaignId)).toList();
    }
}
