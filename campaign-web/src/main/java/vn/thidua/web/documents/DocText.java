package vn.thidua.web.documents;

import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The Vietnamese words and figures of an administrative document (Decree 30/2020/NĐ-CP). */
public final class DocText {
    public static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private DocText() {
    }

    /**
     * "Thanh Hóa, ngày 05 tháng 4 năm 2021": a day below 10 and the months 1 and 2 are written with a leading zero
     * (Decree 30/2020/NĐ-CP, Appendix I).
     */
    public static String placeDate(String place, LocalDate day) {
        String d = day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : String.valueOf(day.getDayOfMonth());
        String m = day.getMonthValue() <= 2 ? "0" + day.getMonthValue() : String.valueOf(day.getMonthValue());
        return place + ", ngày " + d + " tháng " + m + " năm " + day.getYear();
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, Deadlines.ZONE);
    }

    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(Deadlines.ZONE));
    }

    /** 1.234,5 (at most two decimals, Vietnamese separators); empty for null. */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(VI));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    public static String upper(String s) {
        return s == null ? "" : s.toUpperCase(VI);
    }

    /** "huyện Triệu Sơn" for a district; the bare name when the kind is not known. */
    public static String unitWithKind(UnitRef unit) {
        String kind = switch (unit.kind() == null ? "" : unit.kind()) {
            case "DISTRICT" -> "huyện ";
            case "TOWN" -> "thị xã ";
            case "CITY" -> "thành phố ";
            case "COMMUNE" -> "xã ";
            default -> "";
        };
        // A name that already says what it is ("Xã Thiệu A") is not prefixed again.
        return !kind.isEmpty() && unit.name().toLowerCase(VI).startsWith(kind) ? unit.name() : kind + unit.name();
    }

    /** The award as a decision names it: "Cờ thi đua của Ủy ban nhân dân tỉnh". */
    public static String award(Award award) {
        return switch (award) {
            case GOVERNMENT_FLAG -> "Cờ thi đua của Chính phủ";
            case PROVINCIAL_FLAG -> "Cờ thi đua của Ủy ban nhân dân tỉnh";
            case CERTIFICATE_OF_MERIT -> "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh";
            case CERTIFICATE -> "Giấy khen";
        };
    }

    /** The word printed large on the certificate itself. */
    public static String awardHeading(Award award) {
        return switch (award) {
            case GOVERNMENT_FLAG, PROVINCIAL_FLAG -> "CỜ THI ĐUA";
            case CERTIFICATE_OF_MERIT -> "BẰNG KHEN";
            case CERTIFICATE -> "GIẤY KHEN";
        };
    }
}
