package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.FreeText;

/**
 * The cluster head proposes a commendation for a member after close, citing the table and the ballot: typed numbers
 * of a paper ballot ({@code ballotId} null), or the tally of a closed ballot held in the app ({@code ballotId}).
 */
public record ProposeCommendation(String commendationId, String campaignId, String unitCode, Award award,
                                  @FreeText String rationale, Ballot ballot, LeagueTablePosition basis,
                                  String ballotId)
        implements CommendationCommand {

    /** A proposal citing a paper ballot's typed numbers. */
    public ProposeCommendation(String commendationId, String campaignId, String unitCode, Award award,
                               String rationale, Ballot ballot, LeagueTablePosition basis) {
        this(commendationId, campaignId, unitCode, award, rationale, ballot, basis, null);
    }
}
