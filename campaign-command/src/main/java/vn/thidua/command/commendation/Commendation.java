package vn.thidua.command.commendation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.commendation.ApproveCommendation;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.commendation.CommendationApproved;
import vn.thidua.domain.commendation.CommendationConferred;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.commendation.CommendationRejected;
import vn.thidua.domain.commendation.CommendationRevoked;
import vn.thidua.domain.commendation.ConferCommendation;
import vn.thidua.domain.commendation.AnswerComment;
import vn.thidua.domain.commendation.CommentAnswered;
import vn.thidua.domain.commendation.CommentOnProposal;
import vn.thidua.domain.commendation.NoticePolicy;
import vn.thidua.domain.commendation.ProposalCommented;
import vn.thidua.domain.commendation.ProposalPublished;
import vn.thidua.domain.commendation.ProposeCommendation;
import vn.thidua.domain.commendation.ProposalCitedBallot;
import vn.thidua.domain.commendation.RejectCommendation;
import vn.thidua.domain.commendation.RevokeCommendation;
import vn.thidua.domain.shared.Codes;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.StreamIds;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.thidua.command.support.Rules.notBlank;
import static vn.thidua.command.support.Rules.require;

/**
 * A commendation (khen thưởng) proposed by the cluster for one of its units: proposed after the campaign closes,
 * approved or rejected by the provincial board, conferred by decision once approved, revocable with a reason.
 * Eligibility that needs the ranking of all units is checked before the proposal reaches this aggregate.
 */
@Aggregate(commandTargetResolver = StreamTargetResolver.BEAN_NAME)
public class Commendation {
    enum Status { PROPOSED, APPROVED, REJECTED, CONFERRED, REVOKED }

    @AggregateIdentifier
    private String id;
    private String commendationId;
    private String campaignId;
    private String unitCode;
    private Status status;
    /** The end of the proposal's public notice; null for a proposal made before notices were recorded. */
    private Instant noticeEndsAt;
    /** Comments on the proposal, each with whether the head has answered it. */
    private final Map<String, Boolean> comments = new LinkedHashMap<>();

    protected Commendation() {
    }

    @CommandHandler
    public Commendation(ProposeCommendation cmd, CampaignTermsLookup campaigns, NoticePolicy notice, Clock clock) {
        if (!Codes.isId(cmd.commendationId())) {
            throw new InvalidValue("commendationId", "invalid-id", "is not a valid id: " + Codes.ID_PATTERN);
        }
        if (cmd.award() == null) {
            throw new InvalidValue("award", "required", "is required");
        }
        notBlank("rationale", cmd.rationale());
        CampaignTerms terms = campaigns.require(cmd.campaignId());
        require(terms.closed(), "commendation.campaign-open",
                "commendations are proposed only after campaign " + cmd.campaignId() + " is closed");
        require(terms.isMember(cmd.unitCode()), "commendation.not-member",
                "unit " + cmd.unitCode() + " is not a member of campaign " + cmd.campaignId());
        checkBallot(cmd);
        int members = terms.members().size();
        require(cmd.ballot().cast() <= members, "commendation.ballot-exceeds-members",
                cmd.ballot().cast() + " ballots cast in a cluster of " + members + " members at launch");
        require(cmd.basis() != null, "commendation.no-basis", "a proposal cites the league-table position it rests on");
        apply(new CommendationProposed(cmd.commendationId(), cmd.campaignId(), cmd.unitCode(), cmd.award(),
                cmd.rationale(), cmd.ballot(), cmd.basis()));
        // Published for comments from the moment it is made (công khai).
        apply(new ProposalPublished(cmd.commendationId(), cmd.campaignId(), cmd.unitCode(),
                notice.endsAt(clock.instant())));
        if (cmd.ballotId() != null) {
            apply(new ProposalCitedBallot(cmd.commendationId(), cmd.campaignId(), cmd.unitCode(), cmd.ballotId()));
        }
    }

    private static void checkBallot(ProposeCommendation cmd) {
        Ballot ballot = cmd.ballot();
        if (ballot == null) {
            throw new InvalidValue("ballot", "ballot-invalid", "the cluster's ballot is required");
        }
        if (ballot.inFavour() < 0 || ballot.against() < 0 || ballot.cast() < 1) {
            throw new InvalidValue("ballot", "ballot-invalid", "votes cannot be negative and at least one ballot must be cast");
        }
        require(ballot.inFavour() + ballot.against() <= ballot.cast(), "commendation.ballot-inconsistent",
                "votes in favour (" + ballot.inFavour() + ") and against (" + ballot.against()
                        + ") exceed the ballots cast (" + ballot.cast() + ")");
        require(!cmd.award().isFlag() || ballot.majority(), "commendation.no-majority",
                "an emulation flag needs a majority of the ballots cast: " + ballot.inFavour() + " of "
                        + ballot.cast());
    }

    @CommandHandler
    public void handle(CommentOnProposal cmd, Clock clock) {
        notBlank("text", cmd.text());
        require(status == Status.PROPOSED && noticeEndsAt != null && clock.instant().isBefore(noticeEndsAt),
                "commendation.notice-closed", "comments are taken while the proposal's notice is open"
                        + (noticeEndsAt == null ? "" : " (until " + noticeEndsAt + ")"));
        require(Codes.isId(cmd.commentId()) && !comments.containsKey(cmd.commentId()), "commendation.comment-exists",
                "comment " + cmd.commentId() + " already exists");
        apply(new ProposalCommented(commendationId, campaignId, unitCode, cmd.commentId(), cmd.text().strip(),
                cmd.author() == null || cmd.author().isBlank() ? null : cmd.author().strip()));
    }

    @CommandHandler
    public void handle(AnswerComment cmd) {
        notBlank("text", cmd.text());
        Boolean answered = comments.get(cmd.commentId());
        if (answered == null) {
            throw new NotFound("comment", cmd.commentId());
        }
        require(!answered, "commendation.comment-answered", "comment " + cmd.commentId() + " was already answered");
        apply(new CommentAnswered(commendationId, campaignId, unitCode, cmd.commentId(), cmd.text().strip()));
    }

    @CommandHandler
    public void handle(ApproveCommendation cmd, Clock clock) {
        require(status == Status.PROPOSED, "commendation.not-proposed",
                "only a proposed commendation can be approved; this one is " + status);
        require(noticeEndsAt == null || !clock.instant().isBefore(noticeEndsAt), "commendation.notice-open",
                "the proposal is published for comments until " + noticeEndsAt + ": it is approved after that");
        require(!comments.containsValue(false), "commendation.comment-unanswered",
                "every comment on the proposal needs the cluster head's answer before the approval");
        apply(new CommendationApproved(commendationId, campaignId, unitCode, cmd.comment()));
    }

    @CommandHandler
    public void handle(RejectCommendation cmd) {
        require(status == Status.PROPOSED, "commendation.not-proposed",
                "only a proposed commendation can be rejected; this one is " + status);
        require(cmd.comment() != null && !cmd.comment().isBlank(), "commendation.rejection-needs-comment",
                "a rejection says why: the cluster reads the comment");
        apply(new CommendationRejected(commendationId, campaignId, unitCode, cmd.comment()));
    }

    @CommandHandler
    public void handle(ConferCommendation cmd, Clock clock) {
        notBlank("decisionNo", cmd.decisionNo());
        if (cmd.decisionDate() == null) {
            throw new InvalidValue("decisionDate", "required", "is required");
        }
        require(status == Status.APPROVED, "commendation.not-approved",
                "a commendation is conferred only after approval; this one is " + status);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Deadlines.ZONE);
        require(!cmd.decisionDate().isAfter(today), "commendation.decision-in-future",
                "the decision is dated " + cmd.decisionDate() + ", after today (" + today + ") in Vietnam");
        apply(new CommendationConferred(commendationId, campaignId, unitCode, cmd.decisionNo(), cmd.decisionDate()));
    }

    @CommandHandler
    public void handle(RevokeCommendation cmd) {
        notBlank("reason", cmd.reason());
        require(status == Status.APPROVED || status == Status.CONFERRED, "commendation.not-revocable",
                "only an approved or conferred commendation can be revoked; this one is " + status);
        apply(new CommendationRevoked(commendationId, campaignId, unitCode, cmd.reason()));
    }

    @EventSourcingHandler
    void on(CommendationProposed event) {
        this.id = StreamIds.commendation(event.commendationId());
        this.commendationId = event.commendationId();
        this.campaignId = event.campaignId();
        this.unitCode = event.unitCode();
        this.status = Status.PROPOSED;
    }

    @EventSourcingHandler
    void on(ProposalPublished event) {
        this.noticeEndsAt = event.noticeEndsAt();
    }

    @EventSourcingHandler
    void on(ProposalCommented event) {
        comments.put(event.commentId(), false);
    }

    @EventSourcingHandler
    void on(CommentAnswered event) {
        comments.put(event.commentId(), true);
    }

    @EventSourcingHandler
    void on(CommendationApproved event) {
        this.status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(CommendationRejected event) {
        this.status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(CommendationConferred event) {
        this.status = Status.CONFERRED;
    }

    @EventSourcingHandler
    void on(CommendationRevoked event) {
        this.status = Status.REVOKED;
    }
}
