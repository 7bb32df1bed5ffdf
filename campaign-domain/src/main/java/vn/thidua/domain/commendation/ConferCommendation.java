package vn.thidua.domain.commendation;

import java.time.LocalDate;

public record ConferCommendation(String commendationId, String decisionNo, LocalDate decisionDate)
        implements CommendationCommand {
}
