package vn.thidua.domain.campaign;

import java.time.LocalDate;

/** A reporting period; the due date ends at midnight Asia/Ho_Chi_Minh. */
public record Period(String code, String title, LocalDate dueDate) {
}
