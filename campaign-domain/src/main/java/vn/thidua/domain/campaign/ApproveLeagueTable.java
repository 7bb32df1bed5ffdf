package vn.thidua.domain.campaign;

import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.shared.FreeText;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.TargetsStream;

import java.time.LocalDate;
import java.util.List;

/**
 * The cluster meeting approves the league table as it stands after the close. The table was computed from the
 * events up to {@code position} under rule version {@code rulesVersion}; {@code provisionalUnits} names the rows
 * still provisional (an approval needs none).
 */
public record ApproveLeagueTable(String campaignId, String approvalId, LocalDate meetingDate, @FreeText String note,
                                 int rulesVersion, long position, List<LeagueRow> rows, List<String> provisionalUnits)
        implements TargetsStream {
    @Override
    public String streamId() {
        return StreamIds.campaign(campaignId);
    }
}
