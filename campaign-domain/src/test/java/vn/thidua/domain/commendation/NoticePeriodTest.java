package vn.thidua.domain.commendation;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.shared.Deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NoticePeriodTest {
    private static Instant vietnam(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Deadlines.ZONE).toInstant();
    }

    @Test
    void tenWorkingDaysFromAFridaySkipTwoWeekends() {
        // Friday 04/12/2026: 07–11/12 and 14–18/12.
        assertThat(NoticePeriod.endsAt(vietnam("2026-12-04T16:00"), 10, Set.of()))
                .isEqualTo(Deadlines.endOf(LocalDate.of(2026, 12, 18)));
    }

    @Test
    void holidaysAreSkippedLikeWeekends() {
        // Thursday 30/04/2026 proposes; 01/05 is a holiday: 04–08/05 and 11/05.
        assertThat(NoticePeriod.endsAt(vietnam("2026-04-30T09:00"), 6, Set.of(LocalDate.of(2026, 5, 1))))
                .isEqualTo(Deadlines.endOf(LocalDate.of(2026, 5, 11)));
    }

    @Test
    void zeroWorkingDaysMeansNoNotice() {
        Instant now = vietnam("2026-12-04T16:00");
        assertThat(NoticePeriod.endsAt(now, 0, Set.of())).isEqualTo(now);
    }

    @Test
    void theDayOfTheProposalIsNotCounted() {
        // Monday 07/12/2026 proposes: one working day is Tuesday.
        assertThat(NoticePeriod.endsAt(vietnam("2026-12-07T08:00"), 1, Set.of()))
                .isEqualTo(Deadlines.endOf(LocalDate.of(2026, 12, 8)));
        assertThat(NoticePeriod.isWorkingDay(LocalDate.of(2026, 12, 5), Set.of())).isFalse();
    }
}
