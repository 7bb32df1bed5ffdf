package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.Deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * The public notice of a proposal (công khai): open from the proposal for a number of working days, Monday to
 * Friday less the listed holidays, counted from the day after the proposal and ending at the end of the last one
 * (Vietnam time). Zero working days means no notice period: it ends when the proposal is made.
 */
public final class NoticePeriod {
    private NoticePeriod() {
    }

    public static Instant endsAt(Instant proposedAt, int workingDays, Set<LocalDate> holidays) {
        if (workingDays <= 0) {
            return proposedAt;
        }
        LocalDate day = LocalDate.ofInstant(proposedAt, Deadlines.ZONE);
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day, holidays)) {
                counted++;
            }
        }
        return Deadlines.endOf(day);
    }

    public static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
