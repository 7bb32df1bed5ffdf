package vn.thidua.web.ui;

import vn.thidua.domain.shared.Deadlines;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as dd/MM/yyyy (and times in Asia/Ho_Chi_Minh); numbers with the locale's separators (1.234,5 in
 * Vietnamese, 1,234.5 in English). Used from templates as {@code @fmt}.
 */
@Component("fmt")
public class Formats {
    private static final ZoneId VN = Deadlines.ZONE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(VN));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VN));
    }

    public String dateTime(String isoInstant) {
        return isoInstant == null || isoInstant.isBlank() ? "" : dateTime(Instant.parse(isoInstant));
    }

    public String number(BigDecimal value) {
        return number(value, 2);
    }

    public String number(BigDecimal value, int maxDecimals) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(maxDecimals);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    /** A file's size: "12 KB", "1,5 MB" (kilobytes rounded up, so a small file is never "0 KB"). */
    public String fileSize(long bytes) {
        if (bytes < 1024L * 1024) {
            return number(BigDecimal.valueOf((bytes + 1023) / 1024), 0) + " KB";
        }
        return number(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1,
                java.math.RoundingMode.HALF_UP), 1) + " MB";
    }

    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(ratio);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
