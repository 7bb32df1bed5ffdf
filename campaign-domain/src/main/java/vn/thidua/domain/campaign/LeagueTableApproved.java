package vn.thidua.domain.campaign;

import vn.thidua.domain.scoring.LeagueRow;

import java.time.LocalDate;
import java.util.List;

/**
 * The cluster meeting approved the league table: the rows exactly as approved, with the rule version and the event
 * position they were computed at, so the approved table is the same forever and reproducible from the events.
 */
public record LeagueTableApproved(String campaignId, String approvalId, LocalDate meetingDate, String note,
                                  int rulesVersion, long position, List<LeagueRow> rows) implements CampaignEvent {
}
