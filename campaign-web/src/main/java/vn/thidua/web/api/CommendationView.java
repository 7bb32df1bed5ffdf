package vn.thidua.web.api;

import vn.thidua.domain.commendation.CommentAnswered;
import vn.thidua.domain.commendation.ProposalCommented;
import vn.thidua.domain.commendation.ProposalPublished;
import org.axonframework.eventhandling.DomainEventMessage;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.commendation.CommendationApproved;
import vn.thidua.domain.commendation.CommendationConferred;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.commendation.CommendationRejected;
import vn.thidua.domain.commendation.CommendationRevoked;
import vn.thidua.domain.commendation.LeagueTablePosition;
import vn.thidua.domain.commendation.ProposalCitedBallot;
import vn.thidua.domain.shared.MetadataKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A commendation with its full history, folded from its stream. */
public record CommendationView(String commendationId, String campaignId, String unitCode, Award award,
                               String rationale, Ballot ballot, LeagueTablePosition basis, String status,
                               String decisionNo, LocalDate decisionDate, List<Step> history,
                               Instant noticeEndsAt, List<Comment> comments, String ballotId) {

    public CommendationView(String commendationId, String campaignId, String unitCode, Award award, String rationale,
                            Ballot ballot, LeagueTablePosition basis, String status, String decisionNo,
                            LocalDate decisionDate, List<Step> history) {
        this(commendationId, campaignId, unitCode, award, rationale, ballot, basis, status, decisionNo, decisionDate,
                history, null, List.of(), null);
    }

    public record Step(String type, Instant at, String actor, String role, String note) {
    }

    /** A comment made during the public notice, and the cluster head's answer once given. */
    public record Comment(String commentId, String text, String author, Instant at, String answer,
                          Instant answeredAt) {
    }

    /** Whether the proposal is published for comments at {@code now}. */
    public boolean noticeOpen(Instant now) {
        return "PROPOSED".equals(status) && noticeEndsAt != null && now.isBefore(noticeEndsAt);
    }

    public static CommendationView of(List<DomainEventMessage<?>> events) {
        CommendationView v = null;
        List<Step> history = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (DomainEventMessage<?> m : events) {
            Object e = m.getPayload();
            String note = null;
            if (e instanceof CommendationProposed p) {
                v = new CommendationView(p.commendationId(), p.campaignId(), p.unitCode(), p.award(), p.rationale(),
                        p.ballot(), p.basis(), "PROPOSED", null, null, history, null, comments, null);
                note = p.rationale();
            } else if (v != null && e instanceof ProposalPublished p) {
                v = new CommendationView(v.commendationId, v.campaignId, v.unitCode, v.award, v.rationale, v.ballot,
                        v.basis, v.status, v.decisionNo, v.decisionDate, history, p.noticeEndsAt(), comments, v.ballotId);
                note = p.noticeEndsAt().toString();
            } else if (v != null && e instanceof ProposalCommented c) {
                comments.add(new Comment(c.commentId(), c.text(), c.author(), m.getTimestamp(), null, null));
                note = c.text();
            } else if (v != null && e instanceof CommentAnswered a) {
                comments.replaceAll(c -> c.commentId().equals(a.commentId())
                        ? new Comment(c.commentId(), c.text(), c.author(), c.at(), a.text(), m.getTimestamp()) : c);
                note = a.text();
            } else if (v != null && e instanceof ProposalCitedBallot cited) {
                v = new CommendationView(v.commendationId, v.campaignId, v.unitCode, v.award, v.rationale, v.ballot,
                        v.basis, v.status, v.decisionNo, v.decisionDate, history, v.noticeEndsAt, comments,
                        cited.ballotId());
                note = cited.ballotId();
            } else if (v != null && e instanceof CommendationApproved a) {
                v = v.withStatus("APPROVED", v.decisionNo, v.decisionDate);
                note = a.comment();
            } else if (v != null && e instanceof CommendationRejected r) {
                v = v.withStatus("REJECTED", v.decisionNo, v.decisionDate);
                note = r.comment();
            } else if (v != null && e instanceof CommendationConferred c) {
                v = v.withStatus("CONFERRED", c.decisionNo(), c.decisionDate());
                note = c.decisionNo() + " (" + (c.decisionDate() == null ? ""
                        : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(c.decisionDate())) + ")";
            } else if (v != null && e instanceof CommendationRevoked r) {
                v = v.withStatus("REVOKED", v.decisionNo, v.decisionDate);
                note = r.reason();
            }
            history.add(new Step(e.getClass().getSimpleName(), m.getTimestamp(),
                    (String) m.getMetaData().get(MetadataKeys.USER), (String) m.getMetaData().get(MetadataKeys.ROLE),
                    note));
        }
        return v;
    }

    private CommendationView withStatus(String status, String decisionNo, LocalDate decisionDate) {
        return new CommendationView(commendationId, campaignId, unitCode, award, rationale, ballot, basis, status,
                decisionNo, decisionDate, history, noticeEndsAt, comments, ballotId);
    }

    public boolean standing() {
        return !"REJECTED".equals(status) && !"REVOKED".equals(status);
    }
}
