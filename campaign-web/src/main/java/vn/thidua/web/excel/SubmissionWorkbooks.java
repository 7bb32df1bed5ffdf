package vn.thidua.web.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.thidua.command.support.Values;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.participation.SubmitPledge;
import vn.thidua.domain.participation.SubmitReport;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.Role;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.eventstore.EventStreams;
import vn.thidua.web.app.Submissions;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.io.InputStream;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.Numbers;
import vn.thidua.domain.shared.Text;
import vn.thidua.web.ui.forms.Refusals;

import java.math.BigDecimal;
import java.util.Optional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.thidua.web.excel.ExcelSupport.Styles;
import static vn.thidua.web.excel.ExcelSupport.column;
import static vn.thidua.web.excel.ExcelSupport.text;

/**
 * The pledge and period-report workbooks: the template offered for download and the reading of a filled one.
 *
 * <p>Layout of the one data sheet: row 1 groups the indicator columns by content, row 2 is the header (unit code,
 * unit name, then "CODE – title (unit)" per indicator in content order, then the correction reason for reports),
 * row 3 is hidden and holds the machine keys ({@code #unit}, {@code #name}, indicator codes, {@code #reason},
 * {@code #kind:…}, {@code #period:…}); data from row 4, one row per unit. A second sheet explains floors and units.
 */
@Component
public class SubmissionWorkbooks {
    static final String UNIT = "#unit";
    static final String NAME = "#name";
    static final String REASON = "#reason";
    static final String KIND = "#kind:";
    static final String PERIOD = "#period:";
    static final int GROUP_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int CODES_ROW = 2;
    static final int FIRST_DATA_ROW = 3;

    public enum Kind { PLEDGES, REPORTS }

    /** One row of a valid file: who acts, the command to send, and whether it would change nothing. */
    public record RowCommand(String sheet, int row, String unitCode, String unitName, Actor actor, Object command,
                             boolean unchanged) {
    }

    public record Parsed(Kind kind, String periodCode, List<CellError> errors, List<RowCommand> rows) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Permissions permissions;
    private final EventStreams streams;
    private final ExcelText text;
    private final Clock clock;

    public SubmissionWorkbooks(Permissions permissions, EventStreams streams, ExcelText text, Clock clock) {
        this.permissions = permissions;
        this.streams = streams;
        this.text = text;
        this.clock = clock;
    }

    /** The units a user may act for: a unit officer (or a head) its own unit when a member, anyone else all members. */
    List<UnitRef> unitsFor(CampaignTerms terms, AppUser user) {
        if (user.has(Role.UNIT_OFFICER) && user.unitCode() != null) {
            return terms.member(user.unitCode()).map(List::of).orElse(List.of());
        }
        return terms.members();
    }

    // ------------------------------------------------------------------------------------------------ template

    public Workbook template(CampaignTerms terms, Kind kind, Period period, AppUser user) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles s = new Styles(wb);
        Sheet sheet = wb.createSheet(text.get(kind == Kind.PLEDGES ? "excel.pledges.sheet" : "excel.reports.sheet"));
        List<Indicator> indicators = List.copyOf(terms.indicators().values());
        int reasonCol = 2 + indicators.size();
        int lastCol = kind == Kind.REPORTS ? reasonCol : reasonCol - 1;

        Row groups = sheet.createRow(GROUP_ROW);
        text(groups, 0, text.get("excel.col.unit"), s.group);
        text(groups, 1, "", s.group);
        sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, GROUP_ROW, 0, 1));
        int col = 2;
        for (Content content : terms.contents()) {
            int first = col;
            for (int i = 0; i < content.indicators().size(); i++) {
                text(groups, col++, i == 0 ? content.code() + " – " + content.title() : "", s.group);
            }
            if (col - 1 > first) {
                sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, GROUP_ROW, first, col - 1));
            }
        }
        if (kind == Kind.REPORTS) {
            text(groups, reasonCol, "", s.group);
        }
        groups.setHeightInPoints(45);

        Row header = sheet.createRow(HEADER_ROW);
        Row codes = sheet.createRow(CODES_ROW);
        text(header, 0, text.get("excel.col.unitCode"), s.header);
        text(header, 1, text.get("excel.col.unitName"), s.header);
        text(codes, 0, UNIT, null);
        text(codes, 1, NAME, null);
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 20 * 256);
        col = 2;
        for (Indicator indicator : indicators) {
            String unit = indicator.unit() == null || indicator.unit().isBlank() ? "" : " (" + indicator.unit() + ")";
            text(header, col, indicator.code() + " – " + indicator.title() + unit, s.header);
            text(codes, col, indicator.code(), null);
            sheet.setColumnWidth(col, 22 * 256);
            col++;
        }
        if (kind == Kind.REPORTS) {
            text(header, reasonCol, text.get("excel.col.reason"), s.header);
            text(codes, reasonCol, REASON, null);
            sheet.setColumnWidth(reasonCol, 40 * 256);
        }
        text(codes, lastCol + 1, KIND + kind.name(), null);
        if (period != null) {
            text(codes, lastCol + 2, PERIOD + period.code(), null);
        }
        header.setHeightInPoints(120);
        codes.setZeroHeight(true);
        sheet.createFreezePane(2, FIRST_DATA_ROW);

        List<UnitRef> units = unitsFor(terms, user);
        int r = FIRST_DATA_ROW;
        for (UnitRef unit : units) {
            Submissions state = Submissions.read(streams, terms.campaignId(), unit.code());
            Map<String, BigDecimal> known = kind == Kind.PLEDGES ? state.pledge()
                    : state.report(period.code()) == null ? null : state.report(period.code()).values();
            Row row = sheet.createRow(r++);
            text(row, 0, unit.code(), s.text);
            text(row, 1, unit.name(), s.text);
            col = 2;
            for (Indicator indicator : indicators) {
                BigDecimal value = known == null ? null : known.get(indicator.code());
                Cell cell = row.createCell(col++);
                if (indicator.kind() == IndicatorKind.QUALITATIVE) {
                    cell.setCellStyle(s.input);
                    if (value != null) {
                        cell.setCellValue(text.yesNo(value.signum() != 0));
                    }
                } else {
                    cell.setCellStyle(s.inputDecimal);
                    if (value != null) {
                        cell.setCellValue(value.doubleValue());
                    }
                }
            }
            if (kind == Kind.REPORTS) {
                row.createCell(reasonCol).setCellStyle(s.input);
            }
        }
        int lastRow = Math.max(r - 1, FIRST_DATA_ROW) + 200;
        col = 2;
        for (Indicator indicator : indicators) {
            if (indicator.kind() == IndicatorKind.QUALITATIVE) {
                ExcelSupport.list(sheet, FIRST_DATA_ROW, lastRow, col, col, text.get("excel.yes"), text.get("excel.no"));
            }
            col++;
        }
        notes(wb, s, terms, kind, period, indicators);
        return wb;
    }

    private void notes(Workbook wb, Styles s, CampaignTerms terms, Kind kind, Period period,
                       List<Indicator> indicators) {
        Sheet notes = wb.createSheet(text.get("excel.notes.sheet"));
        ExcelSupport.header(notes, s, 0, text.all("excel.col.indicatorCode", "excel.col.indicatorTitle",
                        "excel.col.measure", "excel.col.kind", "excel.col.direction", "excel.col.floor", "excel.col.min",
                        "excel.col.max", "excel.notes.howTo"),
                new int[]{18, 60, 16, 14, 18, 10, 10, 10, 60}, 1);
        int r = 1;
        for (Indicator i : indicators) {
            Row row = notes.createRow(r++);
            text(row, 0, i.code(), s.text);
            text(row, 1, i.title(), s.wrap);
            text(row, 2, i.unit(), s.text);
            text(row, 3, text.get("excel.kind." + i.kind().name()), s.text);
            text(row, 4, i.kind() == IndicatorKind.QUANTITATIVE
                    ? text.get("excel.direction." + i.directionOrDefault().name()) : "", s.text);
            if (i.kind() == IndicatorKind.QUALITATIVE) {
                text(row, 5, i.floor() == null ? "" : text.yesNo(i.floor().signum() != 0), s.text);
                row.createCell(6);
                row.createCell(7);
            } else {
                ExcelSupport.number(row, 5, i.floor(), s.decimal);
                ExcelSupport.number(row, 6, i.min(), s.decimal);
                ExcelSupport.number(row, 7, i.max(), s.decimal);
            }
            text(row, 8, text.get("excel.notes.kind." + i.kind().name()), s.wrap);
        }
        r++;
        List<String> lines = new ArrayList<>();
        lines.add(text.get("excel.notes.campaign", terms.title()));
        if (kind == Kind.PLEDGES) {
            lines.add(text.get("excel.notes.pledges", new vn.thidua.web.ui.Formats().date(terms.pledgeDeadline())));
        } else {
            lines.add(text.get("excel.notes.reports", period.code(), period.title(),
                    new vn.thidua.web.ui.Formats().date(period.dueDate())));
        }
        lines.add(text.get("excel.notes.floor"));
        lines.add(text.get("excel.notes.yesNo"));
        lines.add(text.get("excel.notes.numbers"));
        lines.add(text.get("excel.notes.blankRow"));
        lines.add(text.get("excel.notes.allOrNothing"));
        for (String line : lines) {
            text(notes.createRow(r++), 0, line, null);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Reads and checks the whole file; {@code kind} and {@code periodCode} are what the upload form chose. */
    public Parsed parse(CampaignTerms terms, Kind kind, String periodCode, AppUser user, InputStream in) {
        List<CellError> errors = new ArrayList<>();
        List<RowCommand> rows = new ArrayList<>();
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (Exception | OutOfMemoryError e) {
            errors.add(CellError.of("", 0, "", "excel.error.unreadable"));
            return new Parsed(kind, periodCode, errors, rows);
        }
        try (wb) {
            Sheet sheet = null;
            int codesRow = -1;
            for (int i = 0; i < wb.getNumberOfSheets() && sheet == null; i++) {
                Sheet candidate = wb.getSheetAt(i);
                for (int r = 0; r <= Math.min(10, candidate.getLastRowNum()); r++) {
                    Row row = candidate.getRow(r);
                    if (row != null && UNIT.equals(ExcelSupport.string(row.getCell(0)))) {
                        sheet = candidate;
                        codesRow = r;
                        break;
                    }
                }
            }
            if (sheet == null) {
                errors.add(CellError.of(wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0).getSheetName() : "", 0, "",
                        "excel.error.layout"));
                return new Parsed(kind, periodCode, errors, rows);
            }
            return read(terms, kind, periodCode, user, sheet, codesRow, errors);
        } catch (java.io.IOException e) {
            errors.add(CellError.of("", 0, "", "excel.error.unreadable"));
            return new Parsed(kind, periodCode, errors, rows);
        }
    }

    private Parsed read(CampaignTerms terms, Kind formKind, String formPeriod, AppUser user, Sheet sheet, int codesRow,
                        List<CellError> errors) {
        String name = sheet.getSheetName();
        int excelCodesRow = codesRow + 1;
        Row codes = sheet.getRow(codesRow);
        Map<Integer, Indicator> columns = new LinkedHashMap<>();
        Map<String, Indicator> indicators = terms.indicators();
        int unitCol = 0;
        int reasonCol = -1;
        Kind fileKind = null;
        String filePeriod = null;
        int lastValueCol = 0;
        for (int c = 0; c < codes.getLastCellNum(); c++) {
            String key = ExcelSupport.string(codes.getCell(c));
            if (key == null || UNIT.equals(key) || NAME.equals(key)) {
                continue;
            }
            if (REASON.equals(key)) {
                reasonCol = c;
            } else if (key.startsWith(KIND)) {
                try {
                    fileKind = Kind.valueOf(key.substring(KIND.length()));
                } catch (IllegalArgumentException e) {
                    errors.add(CellError.of(name, excelCodesRow, column(c), "excel.error.layout"));
                }
            } else if (key.startsWith(PERIOD)) {
                filePeriod = key.substring(PERIOD.length());
            } else if (indicators.containsKey(key)) {
                if (columns.containsValue(indicators.get(key))) {
                    errors.add(CellError.of(name, excelCodesRow, column(c), "excel.error.duplicateColumn", key));
                }
                columns.put(c, indicators.get(key));
                lastValueCol = Math.max(lastValueCol, c);
            } else {
                errors.add(CellError.of(name, excelCodesRow, column(c), "excel.error.unknownIndicator", key));
            }
        }
        Kind kind = formKind != null ? formKind : fileKind;
        if (kind == null) {
            kind = Kind.PLEDGES;
        }
        if (fileKind != null && formKind != null && fileKind != formKind) {
            errors.add(CellError.of(name, excelCodesRow, "", "excel.error.kindMismatch",
                    text.get("excel.kind.file." + fileKind.name()), text.get("excel.kind.file." + formKind.name())));
            return new Parsed(kind, formPeriod, errors, List.of());
        }
        String periodCode = blankToNull(formPeriod) != null ? formPeriod.trim() : filePeriod;
        Period period = null;
        if (kind == Kind.REPORTS) {
            if (filePeriod != null && blankToNull(formPeriod) != null && !filePeriod.equals(formPeriod.trim())) {
                errors.add(CellError.of(name, excelCodesRow, "", "excel.error.periodMismatch", filePeriod, formPeriod));
                return new Parsed(kind, periodCode, errors, List.of());
            }
            period = periodCode == null ? null : terms.period(periodCode).orElse(null);
            if (period == null) {
                errors.add(CellError.of(name, excelCodesRow, "", "excel.error.unknownPeriod",
                        periodCode == null ? "" : periodCode));
                return new Parsed(kind, periodCode, errors, List.of());
            }
        }
        if (kind == Kind.PLEDGES) {
            for (Indicator indicator : indicators.values()) {
                if (!columns.containsValue(indicator)) {
                    errors.add(CellError.of(name, excelCodesRow, "", "excel.error.missingColumn", indicator.code()));
                }
            }
        }
        int lastCol = Math.max(lastValueCol, reasonCol);
        List<RowCommand> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = codesRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            int excelRow = r + 1;
            if (row == null || ExcelSupport.blankRow(row, 2, Math.max(lastCol, 2))) {
                continue;
            }
            String unitCode = ExcelSupport.string(row.getCell(unitCol));
            String unitColumn = column(unitCol);
            if (unitCode == null) {
                errors.add(CellError.of(name, excelRow, unitColumn, "excel.error.noUnit"));
                continue;
            }
            UnitRef unit = terms.member(unitCode).orElse(null);
            if (unit == null) {
                errors.add(CellError.of(name, excelRow, unitColumn, "excel.error.unknownUnit", unitCode));
                continue;
            }
            Integer earlier = seen.putIfAbsent(unitCode, excelRow);
            if (earlier != null) {
                errors.add(CellError.of(name, excelRow, unitColumn, "excel.error.duplicateUnit", unitCode, earlier));
                continue;
            }
            int before = errors.size();
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Map.Entry<Integer, Indicator> entry : columns.entrySet()) {
                int c = entry.getKey();
                Indicator indicator = entry.getValue();
                Cell cell = row.getCell(c);
                String at = column(c);
                if (ExcelSupport.blank(cell)) {
                    if (kind == Kind.PLEDGES) {
                        errors.add(CellError.of(name, excelRow, at, "excel.error.missingValue", indicator.code()));
                    }
                    continue;
                }
                BigDecimal value = value(name, excelRow, at, indicator, cell, kind, errors);
                if (value != null) {
                    values.put(indicator.code(), value);
                }
            }
            String reason = reasonCol < 0 ? null : ExcelSupport.string(row.getCell(reasonCol));
            Optional<InvalidValue> badReason = Text.freeTextProblem("reason", reason);
            if (badReason.isPresent() && !"text.too-long".equals(badReason.get().code())) {
                errors.add(CellError.of(name, excelRow, column(reasonCol), Refusals.key(badReason.get()),
                        badReason.get().arguments()));
            } else if (reason != null && reason.length() > 2000) {
                errors.add(CellError.of(name, excelRow, column(reasonCol), "excel.error.reasonTooLong", 2000));
            }
            if (errors.size() > before) {
                continue;
            }
            Submissions state = Submissions.read(streams, terms.campaignId(), unitCode);
            boolean unchanged;
            Object command;
            if (kind == Kind.PLEDGES) {
                unchanged = state.pledge() != null && Values.sameNumbers(state.pledge(), Values.canonical(values));
                command = new SubmitPledge(terms.campaignId(), unitCode, values);
            } else {
                Submissions.Report previous = state.report(period.code());
                boolean identical = previous != null && Values.sameNumbers(previous.values(), Values.canonical(values));
                unchanged = identical && !previous.rejected();
                command = new SubmitReport(terms.campaignId(), unitCode, period.code(), values, reason);
                if (!unchanged) {
                    if (state.pledge() == null) {
                        errors.add(CellError.of(name, excelRow, unitColumn, "excel.error.noPledge", unitCode));
                    } else {
                        for (Map.Entry<Integer, Indicator> entry : columns.entrySet()) {
                            String code = entry.getValue().code();
                            if (values.containsKey(code) && !state.pledge().containsKey(code)) {
                                errors.add(CellError.of(name, excelRow, column(entry.getKey()),
                                        "excel.error.notPledged", code));
                            }
                        }
                    }
                    if (previous != null && reason == null) {
                        errors.add(CellError.of(name, excelRow, reasonCol < 0 ? "" : column(reasonCol),
                                identical ? "excel.error.rejectedNeedsReason" : "excel.error.reasonRequired",
                                period.code()));
                    }
                }
            }
            Actor actor = null;
            if (!unchanged) {
                try {
                    actor = permissions.officerOf(user, unitCode);
                } catch (AccessDeniedException e) {
                    errors.add(CellError.of(name, excelRow, unitColumn, "excel.error.notYourUnit", unitCode));
                    continue;
                }
                if (terms.closed()) {
                    errors.add(CellError.of(name, excelRow, unitColumn, "excel.error.closed"));
                    continue;
                }
                if (kind == Kind.PLEDGES && terms.pledgeDeadlinePassed(clock.instant())) {
                    errors.add(CellError.of(name, excelRow, unitColumn, "excel.error.deadlinePassed",
                            new vn.thidua.web.ui.Formats().date(terms.pledgeDeadline())));
                    continue;
                }
            }
            rows.add(new RowCommand(name, excelRow, unitCode, unit.name(), actor, command, unchanged));
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(CellError.of(name, FIRST_DATA_ROW + 1, "", "excel.error.noRows"));
        }
        return new Parsed(kind, periodCode, errors, rows);
    }

    /** One value cell, checked as the domain checks it (kind, min/max, floor for pledges); null when bad. */
    private BigDecimal value(String sheet, int row, String at, Indicator indicator, Cell cell, Kind kind,
                             List<CellError> errors) {
        if (indicator.kind() == IndicatorKind.QUALITATIVE) {
            Boolean yes = ExcelSupport.yesNo(cell);
            if (yes == null) {
                errors.add(CellError.of(sheet, row, at, "excel.error.notYesNo", ExcelSupport.string(cell)));
                return null;
            }
            BigDecimal value = yes ? BigDecimal.ONE : BigDecimal.ZERO;
            if (kind == Kind.PLEDGES && indicator.floor() != null && value.compareTo(indicator.floor()) < 0) {
                errors.add(CellError.of(sheet, row, at, "excel.error.yesNoFloor"));
                return null;
            }
            return value;
        }
        BigDecimal value = ExcelSupport.decimal(cell);
        if (value == null) {
            errors.add(CellError.of(sheet, row, at, "excel.error.notNumber", ExcelSupport.string(cell)));
            return null;
        }
        Optional<InvalidValue> outOfRange = Numbers.problem(indicator.code(), value);
        if (outOfRange.isPresent()) {
            errors.add(CellError.of(sheet, row, at, Refusals.key(outOfRange.get()), outOfRange.get().arguments()));
            return null;
        }
        if (indicator.kind() == IndicatorKind.COUNT) {
            if (value.signum() < 0) {
                errors.add(CellError.of(sheet, row, at, "excel.error.negativeCount"));
                return null;
            }
            if (value.stripTrailingZeros().scale() > 0) {
                errors.add(CellError.of(sheet, row, at, "excel.error.wholeCount"));
                return null;
            }
        }
        if (indicator.min() != null && value.compareTo(indicator.min()) < 0) {
            errors.add(CellError.of(sheet, row, at, "excel.error.belowMin", plain(indicator.min())));
            return null;
        }
        if (indicator.max() != null && value.compareTo(indicator.max()) > 0) {
            errors.add(CellError.of(sheet, row, at, "excel.error.aboveMax", plain(indicator.max())));
            return null;
        }
        if (kind == Kind.PLEDGES && !indicator.meetsFloor(value)) {
            errors.add(CellError.of(sheet, row, at,
                    indicator.floorIsCeiling() ? "excel.error.aboveCeiling" : "excel.error.belowFloor",
                    plain(value), plain(indicator.floor())));
            return null;
        }
        return value;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
