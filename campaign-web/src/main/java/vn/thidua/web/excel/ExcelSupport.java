package vn.thidua.web.excel;

import vn.thidua.domain.shared.Deadlines;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** Styles, cell writing and reading, and download headers shared by every workbook of the app. */
final class ExcelSupport {
    static final ZoneId VN = Deadlines.ZONE;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_TEXT = 32_767;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ExcelSupport() {
    }

    /** The styles of one workbook. */
    static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrap;
        final CellStyle decimal;
        final CellStyle integer;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle input;
        final CellStyle inputDecimal;
        final CellStyle inputDate;
        final CellStyle group;
        final CellStyle title;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font large = wb.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(large);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            group = wb.createCellStyle();
            group.cloneStyleFrom(header);
            group.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            text = wb.createCellStyle();
            text.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            var formats = wb.createDataFormat();
            decimal = numberStyle(wb, formats.getFormat("#,##0.00"));
            integer = numberStyle(wb, formats.getFormat("#,##0"));
            percent = numberStyle(wb, formats.getFormat("0.0%"));
            date = numberStyle(wb, formats.getFormat("dd/MM/yyyy"));
            dateTime = numberStyle(wb, formats.getFormat("dd/MM/yyyy HH:mm"));
            input = wb.createCellStyle();
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            input.setLocked(false);
            inputDecimal = wb.createCellStyle();
            inputDecimal.cloneStyleFrom(input);
            inputDecimal.setDataFormat(formats.getFormat("#,##0.####"));
            inputDate = wb.createCellStyle();
            inputDate.cloneStyleFrom(input);
            inputDate.setDataFormat(formats.getFormat("dd/MM/yyyy"));
        }

        private static CellStyle numberStyle(Workbook wb, short format) {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(format);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }

    /** Writes a bold header row, freezes it (and {@code frozenColumns} to its left) and sets column widths. */
    static Row header(Sheet sheet, Styles styles, int rowIndex, String[] titles, int[] widths, int frozenColumns) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(255, widths[Math.min(i, widths.length - 1)]) * 256);
        }
        sheet.createFreezePane(frozenColumns, rowIndex + 1);
        return row;
    }

    /**
     * A title block above a table: its lines from the first row on, the first in the title style, each merged
     * across {@code columns}; answers the row the table's header goes in (after one blank row).
     */
    static int titleBlock(Sheet sheet, Styles styles, int columns, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            Cell cell = row.createCell(0);
            cell.setCellValue(lines[i]);
            cell.setCellStyle(i == 0 ? styles.title : styles.text);
            if (columns > 1) {
                sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(i, i, 0, columns - 1));
            }
        }
        return lines.length + 1;
    }

    /**
     * Paper: A4 landscape, every column on the page's width (as many pages down as it takes), the header row
     * repeated at the top of every page, page numbers in the footer.
     */
    static void pageSetup(Sheet sheet, int headerRow) {
        var print = sheet.getPrintSetup();
        print.setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.getFooter().setCenter("&P / &N");
    }

    static Cell text(Row row, int col, String value, CellStyle style) {
        Cell cell = cell(row, col, style);
        if (value != null) {
            cell.setCellValue(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT - 1) + "…" : value);
        }
        return cell;
    }

    static Cell number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell cell = cell(row, col, style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    static Cell number(Row row, int col, long value, CellStyle style) {
        Cell cell = cell(row, col, style);
        cell.setCellValue(value);
        return cell;
    }

    static Cell date(Row row, int col, LocalDate value, CellStyle style) {
        Cell cell = cell(row, col, style);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    static Cell dateTime(Row row, int col, Instant value, CellStyle style) {
        Cell cell = cell(row, col, style);
        if (value != null) {
            cell.setCellValue(LocalDateTime.ofInstant(value, VN));
        }
        return cell;
    }

    /** A new cell of the row in the style; without one it keeps the workbook's default. */
    private static Cell cell(Row row, int col, CellStyle style) {
        Cell cell = row.createCell(col);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    /** 31/07/2021 23:59, in Vietnam. */
    static String vietnamDateTime(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at.atZone(VN));
    }

    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A drop-down list of allowed values on a block of cells. */
    static void list(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol, String... values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(firstRow, lastRow, firstCol, lastCol));
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    static boolean blank(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank());
    }

    static boolean blankRow(Row row, int fromCol, int toCol) {
        if (row == null) {
            return true;
        }
        for (int c = fromCol; c <= toCol; c++) {
            if (!blank(row.getCell(c))) {
                return false;
            }
        }
        return true;
    }

    /** The cell's type, looking through a formula to its cached result. */
    static CellType type(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    /** The cell as trimmed NFC text (numbers without a thousands separator), or null when blank. */
    static String string(Cell cell) {
        if (blank(cell)) {
            return null;
        }
        String s;
        CellType type = type(cell);
        if (type == CellType.STRING) {
            s = cell.getStringCellValue();
        } else if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            s = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        } else if (type == CellType.BOOLEAN) {
            s = Boolean.toString(cell.getBooleanCellValue());
        } else {
            s = FORMATTER.formatCellValue(cell);
        }
        s = Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
        return s.isEmpty() ? null : s;
    }

    /** A number cell, or text such as "16.5" or "16,5"; null when it is not a number. */
    static BigDecimal decimal(Cell cell) {
        CellType type = type(cell);
        if (type == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)).stripTrailingZeros() : null;
        }
        if (type == CellType.STRING) {
            String s = string(cell);
            if (s != null && DECIMAL.matcher(s).matches()) {
                return new BigDecimal(s.replace(',', '.').replace("+", ""));
            }
        }
        return null;
    }

    /** A date cell, or text dd/MM/yyyy or yyyy-MM-dd; null when it is not a date. */
    static LocalDate localDate(Cell cell) {
        if (type(cell) == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String s = string(cell);
        if (s == null) {
            return null;
        }
        try {
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = s.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Yes/no: Có/Không, Đạt/Chưa đạt, TRUE/FALSE, 1/0 (a boolean or number cell too); null when not yes/no. */
    static Boolean yesNo(Cell cell) {
        CellType type = type(cell);
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue();
        }
        String s = string(cell);
        if (s == null) {
            return null;
        }
        String k = s.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "có", "co", "đạt", "dat", "true", "1", "yes", "x", "achieved" -> Boolean.TRUE;
            case "không", "khong", "chưa đạt", "chua dat", "không đạt", "khong dat", "false", "0", "no",
                 "not achieved" -> Boolean.FALSE;
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------------------------ download

    /** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
    static void download(HttpServletResponse response, String filename) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", disposition(filename));
        response.setHeader("Cache-Control", "no-store");
    }

    static String disposition(String filename) {
        String ascii = ascii(filename);
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    static String ascii(String s) {
        String stripped = MARKS.matcher(Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'),
                Normalizer.Form.NFD)).replaceAll("");
        return stripped.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
