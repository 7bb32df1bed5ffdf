package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.FreeText;

/** The cluster head proposes a commendation for a member after close, citing the table and the ballot. */
public record ProposeCommendation(String commendationId, String campaignId, String unitCode, Award award,
                                  @FreeText String rationale, Ballot ballot, LeagueTablePosition basis)
        implements CommendationCommand {
}
