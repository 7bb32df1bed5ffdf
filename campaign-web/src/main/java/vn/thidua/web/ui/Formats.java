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
 * Vietnamese, 1,234.5 in English) and one minus sign, U+2212 (−), as the penalties column writes it. Used from
 * templates as {@code @fmt}.
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

    public static final char MINUS = '\u2212';
    private static final java.util.regex.Pattern ISO_DATE =
            java.util.regex.Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b(?!T|:)");

    /** A free text (a note, a reason) with every ISO date in it (2021-12-30) written dd/MM/yyyy (30/12/2021). */
    public static String datesInText(String text) {
        return text == null ? null : ISO_DATE.matcher(text).replaceAll("$3/$2/$1");
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
        return minus(format.format(value));
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
        return minus(format.format(ratio));
    }

    private static String minus(String formatted) {
        return formatted.replace('-', MINUS);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
