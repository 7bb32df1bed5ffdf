package vn.thidua.domain.commendation;

/** The cluster head proposes a commendation for a member after close, citing the table and the ballot. */
public record ProposeCommendation(String commendationId, String campaignId, String unitCode, Award award,
                                  String rationale, Ballot ballot, LeagueTablePosition basis)
        implements CommendationCommand {
}
