package vn.thidua.web.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.query.league.LeagueTableQueries;
import vn.thidua.web.app.NoticeService;

/**
 * What anyone may read without signing in (công khai): the league table the cluster meeting approved and the
 * proposals open for comments.
 */
@RestController
@RequestMapping("/api/v1/public")
public class PublicController {
    private final LeagueTableQueries leagueTables;
    private final NoticeService notices;

    public PublicController(LeagueTableQueries leagueTables, NoticeService notices) {
        this.leagueTables = leagueTables;
        this.notices = notices;
    }

    /** The proposals published for comments now (công khai), the soonest to end first. */
    @GetMapping("/notices")
    public java.util.List<NoticeService.Notice> notices() {
        return notices.open();
    }

    /** The approved table, or 404 while none is approved (an unapproved table is not published). */
    @GetMapping("/campaigns/{campaignId}/league-table")
    public LeagueTable approvedTable(@PathVariable String campaignId) {
        return leagueTables.approved(campaignId).map(LeagueTableQueries.Approved::table)
                .orElseThrow(() -> new NotFound("approved league table", campaignId));
    }
}
