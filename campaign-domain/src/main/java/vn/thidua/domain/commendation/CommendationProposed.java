package vn.thidua.domain.commendation;

public record CommendationProposed(String commendationId, String campaignId, String unitCode, Award award,
                                   String rationale, Ballot ballot, LeagueTablePosition basis) implements CommendationEvent {
}
