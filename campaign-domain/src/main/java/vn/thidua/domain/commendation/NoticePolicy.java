package vn.thidua.domain.commendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** How long a proposal stays published for comments: working days and the holidays they skip (configured). */
public record NoticePolicy(int workingDays, Set<LocalDate> holidays) {
    public NoticePolicy {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    public Instant endsAt(Instant proposedAt) {
        return NoticePeriod.endsAt(proposedAt, workingDays, holidays);
    }
}
