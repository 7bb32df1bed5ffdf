package vn.thidua.web.app;

import org.springframework.stereotype.Service;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.commendation.AnswerComment;
import vn.thidua.domain.commendation.CommentOnProposal;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.web.api.CommendationView;
import vn.thidua.web.security.Permissions;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The public notice of proposals (công khai): anyone signed in comments while a proposal's notice is open, the
 * cluster head answers; the open notices are listed for everyone, without sign-in.
 */
@Service
public class NoticeService {
    private final CommandSender commands;
    private final Permissions permissions;
    private final CampaignTermsLookup campaigns;
    private final CommendationService commendations;
    private final Clock clock;

    public NoticeService(CommandSender commands, Permissions permissions, CampaignTermsLookup campaigns,
                         CommendationService commendations, Clock clock) {
        this.commands = commands;
        this.permissions = permissions;
        this.campaigns = campaigns;
        this.commendations = commendations;
        this.clock = clock;
    }

    /** One open notice as the public list shows it. */
    public record Notice(String commendationId, String campaignId, String unitCode, String unitName, String award,
                         String rationale, Instant noticeEndsAt) {
    }

    /** Answers the new comment's id. */
    public String comment(Caller caller, String commendationId, String text, String author) {
        CommendationView c = require(commendationId);
        String id = UUID.randomUUID().toString();
        String signed = author == null || author.isBlank() ? caller.user().displayName() : author;
        commands.send(permissions.anyone(caller.user()), caller, new CommentOnProposal(c.commendationId(), id, text,
                signed));
        return id;
    }

    public void answer(Caller caller, String commendationId, String commentId, String text) {
        CommendationView c = require(commendationId);
        CampaignTerms terms = campaigns.require(c.campaignId());
        commands.send(permissions.headOf(caller.user(), terms.headUnit()), caller,
                new AnswerComment(c.commendationId(), commentId, text));
    }

    /** The proposals whose notice is open now, the soonest to end first. */
    public List<Notice> open() {
        Instant now = clock.instant();
        return commendations.all().stream()
                .filter(c -> c.noticeOpen(now))
                .sorted(Comparator.comparing(CommendationView::noticeEndsAt))
                .map(c -> new Notice(c.commendationId(), c.campaignId(), c.unitCode(), unitName(c), c.award().name(),
                        c.rationale(), c.noticeEndsAt()))
                .toList();
    }

    private String unitName(CommendationView c) {
        return campaigns.find(c.campaignId()).flatMap(t -> t.member(c.unitCode())).map(UnitRef::name)
                .orElse(c.unitCode());
    }

    private CommendationView require(String commendationId) {
        return commendations.find(commendationId).orElseThrow(() -> new NotFound("commendation", commendationId));
    }
}
