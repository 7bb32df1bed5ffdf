package vn.thidua.domain.commendation;

import java.time.LocalDate;

public record CommendationConferred(String commendationId, String campaignId, String unitCode, String decisionNo,
                                    LocalDate decisionDate) implements CommendationEvent {
}
