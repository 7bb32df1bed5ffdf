package vn.thidua.web.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.shared.Codes;
import vn.thidua.domain.shared.Role;
import vn.thidua.web.security.AppUser;

import java.io.InputStream;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.Numbers;
import vn.thidua.web.ui.forms.Refusals;

import java.math.BigDecimal;
import java.util.Optional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static vn.thidua.web.excel.ExcelSupport.Styles;
import static vn.thidua.web.excel.ExcelSupport.column;
import static vn.thidua.web.excel.ExcelSupport.text;

/**
 * The campaign-launch workbook: four sheets in a fixed order (found by position, whatever their names), the header
 * in row 1, data from row 2.
 * <ol>
 *   <li>"Phong trào": key (hidden column A), item, value: campaignId, clusterCode, year, title, headUnit,
 *       pledgeDeadline;</li>
 *   <li>"Kỳ báo cáo": code, title, due date;</li>
 *   <li>"Nội dung và chỉ tiêu": content code, content title (blank: the content above continues), indicator code,
 *       title, unit, kind, direction, floor, weight, pointsPerItem, min, max;</li>
 *   <li>"Quy tắc chấm điểm": one row: version, method, cap, late, missing and rejected penalties.</li>
 * </ol>
 */
@Component
public class LaunchWorkbooks {
    static final String[] CAMPAIGN_KEYS = {"campaignId", "clusterCode", "year", "title", "headUnit", "pledgeDeadline"};

    public record Parsed(List<CellError> errors, LaunchCampaign command) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final ExcelText text;
    private final ClusterDirectory clusters;
    private final Clock clock;

    public LaunchWorkbooks(ExcelText text, ClusterDirectory clusters, Clock clock) {
        this.text = text;
        this.clusters = clusters;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ template

    public Workbook template(AppUser user) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles s = new Styles(wb);
        LocalDate today = LocalDate.now(clock.withZone(ExcelSupport.VN));
        int year = today.getYear();

        Sheet campaign = wb.createSheet(text.get("excel.launch.sheet.campaign"));
        ExcelSupport.header(campaign, s, 0, text.all("excel.launch.key", "excel.launch.item", "excel.launch.value",
                "excel.launch.note"), new int[]{16, 30, 60, 60}, 0);
        campaign.setColumnHidden(0, true);
        Object[] values = {"", "CUM-II-TH", year, text.get("excel.launch.example.title", year),
                user.unitCode() == null ? "" : user.unitCode(), today.plusDays(30)};
        for (int i = 0; i < CAMPAIGN_KEYS.length; i++) {
            Row row = campaign.createRow(i + 1);
            text(row, 0, CAMPAIGN_KEYS[i], null);
            text(row, 1, text.get("excel.launch.field." + CAMPAIGN_KEYS[i]), s.header);
            Object v = values[i];
            Cell cell = row.createCell(2);
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(s.inputDate);
            } else if (v instanceof Integer n) {
                cell.setCellValue(n);
                cell.setCellStyle(s.input);
            } else {
                cell.setCellValue(v.toString());
                cell.setCellStyle(s.input);
            }
            text(row, 3, text.get("excel.launch.hint." + CAMPAIGN_KEYS[i]), s.wrap);
        }

        Sheet periods = wb.createSheet(text.get("excel.launch.sheet.periods"));
        ExcelSupport.header(periods, s, 0, text.all("excel.launch.period.code", "excel.launch.period.title",
                "excel.launch.period.due"), new int[]{14, 40, 16}, 0);
        Object[][] examplePeriods = {{"GIUA_KY", text.get("excel.launch.example.mid", year), today.plusDays(90)},
                {"CUOI_KY", text.get("excel.launch.example.end", year), today.plusDays(180)}};
        for (int i = 0; i < examplePeriods.length; i++) {
            Row row = periods.createRow(i + 1);
            text(row, 0, (String) examplePeriods[i][0], s.input);
            text(row, 1, (String) examplePeriods[i][1], s.input);
            ExcelSupport.date(row, 2, (LocalDate) examplePeriods[i][2], s.inputDate);
        }

        Sheet contents = wb.createSheet(text.get("excel.launch.sheet.contents"));
        ExcelSupport.header(contents, s, 0, text.all("excel.launch.content.code", "excel.launch.content.title",
                        "excel.col.indicatorCode", "excel.col.indicatorTitle", "excel.col.measure", "excel.col.kind",
                        "excel.col.direction", "excel.col.floor", "excel.launch.weight", "excel.launch.pointsPerItem",
                        "excel.col.min", "excel.col.max"),
                new int[]{12, 40, 18, 50, 14, 16, 20, 10, 10, 12, 10, 10}, 0);
        Object[][] example = {
                {"ND1", text.get("excel.launch.example.content1"), "TANG_TRUONG",
                        text.get("excel.launch.example.growth"), "%", "QUANTITATIVE", "HIGHER_IS_BETTER", null, 12,
                        null, -100, 100},
                {"", "", "THU_NGAN_SACH", text.get("excel.launch.example.budget"), "%", "QUANTITATIVE",
                        "HIGHER_IS_BETTER", 100, 12, null, 0, 1000},
                {"ND2", text.get("excel.launch.example.content2"), "NTM_NANG_CAO",
                        text.get("excel.launch.example.ntm"), text.get("excel.launch.example.commune"), "COUNT",
                        null, 2, 9, 3, 0, 50},
                {"", "", "KHONG_DICH", text.get("excel.launch.example.epidemic"), "", "QUALITATIVE", null, 1, 6,
                        null, 0, 1}};
        for (int i = 0; i < example.length; i++) {
            Row row = contents.createRow(i + 1);
            for (int c = 0; c < example[i].length; c++) {
                Object v = example[i][c];
                Cell cell = row.createCell(c);
                cell.setCellStyle(c >= 7 ? s.inputDecimal : s.input);
                if (v instanceof Integer n) {
                    cell.setCellValue(n);
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                }
            }
        }
        ExcelSupport.list(contents, 1, 500, 5, 5, names(IndicatorKind.values()));
        ExcelSupport.list(contents, 1, 500, 6, 6, names(Direction.values()));

        Sheet rules = wb.createSheet(text.get("excel.launch.sheet.rules"));
        ExcelSupport.header(rules, s, 0, text.all("excel.launch.rules.version", "excel.launch.rules.method",
                "excel.launch.rules.cap", "excel.launch.rules.late", "excel.launch.rules.missing",
                "excel.launch.rules.rejected"), new int[]{10, 24, 12, 16, 16, 16}, 0);
        Row r = rules.createRow(1);
        ExcelSupport.number(r, 0, 1, s.input);
        text(r, 1, ScoringMethod.RATIO_CAPPED.name(), s.input);
        ExcelSupport.number(r, 2, new BigDecimal("1.2"), s.inputDecimal);
        ExcelSupport.number(r, 3, new BigDecimal("0.5"), s.inputDecimal);
        ExcelSupport.number(r, 4, new BigDecimal("2"), s.inputDecimal);
        ExcelSupport.number(r, 5, new BigDecimal("1"), s.inputDecimal);
        ExcelSupport.list(rules, 1, 1, 1, 1, names(ScoringMethod.values()));

        Sheet notes = wb.createSheet(text.get("excel.notes.sheet"));
        notes.setColumnWidth(0, 120 * 256);
        int n = 0;
        for (String key : new String[]{"excel.launch.notes.1", "excel.launch.notes.2", "excel.launch.notes.3",
                "excel.launch.notes.4", "excel.launch.notes.5", "excel.launch.notes.6"}) {
            text(notes.createRow(n++), 0, text.get(key), s.wrap);
        }
        return wb;
    }

    private static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].name();
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ reading

    public Parsed parse(AppUser user, InputStream in) {
        List<CellError> errors = new ArrayList<>();
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (Exception | OutOfMemoryError e) {
            errors.add(CellError.of("", 0, "", "excel.error.unreadable"));
            return new Parsed(errors, null);
        }
        try (wb) {
            if (wb.getNumberOfSheets() < 3) {
                errors.add(CellError.of(wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0).getSheetName() : "", 0, "",
                        "excel.error.launchLayout"));
                return new Parsed(errors, null);
            }
            return read(user, wb, errors);
        } catch (java.io.IOException e) {
            errors.add(CellError.of("", 0, "", "excel.error.unreadable"));
            return new Parsed(errors, null);
        }
    }

    /** Reads cells of one sheet, recording errors with the sheet's name and Excel's row and column. */
    private final class Reader {
        final Sheet sheet;
        final List<CellError> errors;

        Reader(Sheet sheet, List<CellError> errors) {
            this.sheet = sheet;
            this.errors = errors;
        }

        void error(int r, int c, String key, Object... args) {
            errors.add(CellError.of(sheet.getSheetName(), r + 1, column(c), key, args));
        }

        Cell cell(int r, int c) {
            Row row = sheet.getRow(r);
            return row == null ? null : row.getCell(c);
        }

        String string(int r, int c, boolean required, int max) {
            String s = ExcelSupport.string(cell(r, c));
            if (s == null) {
                if (required) {
                    error(r, c, "excel.error.required");
                }
                return null;
            }
            if (s.length() > max) {
                error(r, c, "excel.error.tooLong", max);
                return null;
            }
            return s;
        }

        String code(int r, int c, boolean required) {
            String s = string(r, c, required, 64);
            if (s != null && !Codes.isCode(s)) {
                error(r, c, "excel.error.badCode", s);
                return null;
            }
            return s;
        }

        BigDecimal number(int r, int c, boolean required) {
            Cell cell = cell(r, c);
            if (ExcelSupport.blank(cell)) {
                if (required) {
                    error(r, c, "excel.error.required");
                }
                return null;
            }
            BigDecimal v = ExcelSupport.decimal(cell);
            if (v == null) {
                error(r, c, "excel.error.notNumber", ExcelSupport.string(cell));
                return null;
            }
            Optional<InvalidValue> outOfRange = Numbers.problem("", v);
            if (outOfRange.isPresent()) {
                error(r, c, Refusals.key(outOfRange.get()), outOfRange.get().arguments());
                return null;
            }
            return v;
        }

        LocalDate date(int r, int c) {
            Cell cell = cell(r, c);
            if (ExcelSupport.blank(cell)) {
                error(r, c, "excel.error.required");
                return null;
            }
            LocalDate d = ExcelSupport.localDate(cell);
            if (d == null) {
                error(r, c, "excel.error.notDate", ExcelSupport.string(cell));
            }
            return d;
        }

        <E extends Enum<E>> E choice(int r, int c, Class<E> type, boolean required, Map<String, E> aliases) {
            String s = string(r, c, required, 100);
            if (s == null) {
                return null;
            }
            String k = s.toUpperCase(Locale.ROOT).replace(' ', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(k)) {
                    return e;
                }
            }
            E alias = aliases.get(s.toLowerCase(Locale.ROOT));
            if (alias != null) {
                return alias;
            }
            error(r, c, "excel.error.notOneOf", s, String.join(", ", names(type.getEnumConstants())));
            return null;
        }
    }

    private static final Map<String, IndicatorKind> KIND_ALIASES = Map.of("định lượng", IndicatorKind.QUANTITATIVE,
            "định tính", IndicatorKind.QUALITATIVE, "đạt/không đạt", IndicatorKind.QUALITATIVE,
            "đếm", IndicatorKind.COUNT, "số lượng", IndicatorKind.COUNT, "cộng/trừ điểm", IndicatorKind.ADJUSTMENT,
            "điều chỉnh", IndicatorKind.ADJUSTMENT);
    private static final Map<String, Direction> DIRECTION_ALIASES = Map.of(
            "càng cao càng tốt", Direction.HIGHER_IS_BETTER, "càng thấp càng tốt", Direction.LOWER_IS_BETTER);
    private static final Map<String, ScoringMethod> METHOD_ALIASES = Map.of();

    private Parsed read(AppUser user, Workbook wb, List<CellError> errors) {
        // Sheet 1: the campaign's fields, by key in column A (or by row when the key column was cleared).
        Reader campaign = new Reader(wb.getSheetAt(0), errors);
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < CAMPAIGN_KEYS.length; i++) {
            rowOf.put(CAMPAIGN_KEYS[i], i + 1);
        }
        for (int r = 1; r <= campaign.sheet.getLastRowNum(); r++) {
            String key = ExcelSupport.string(campaign.cell(r, 0));
            if (key != null && rowOf.containsKey(key)) {
                rowOf.put(key, r);
            }
        }
        int v = 2;
        String campaignId = campaign.string(rowOf.get("campaignId"), v, false, 64);
        if (campaignId != null && !Codes.isId(campaignId)) {
            campaign.error(rowOf.get("campaignId"), v, "excel.error.badCode", campaignId);
        }
        String clusterCode = campaign.code(rowOf.get("clusterCode"), v, true);
        BigDecimal yearValue = campaign.number(rowOf.get("year"), v, true);
        Integer year = null;
        if (yearValue != null) {
            if (yearValue.stripTrailingZeros().scale() > 0 || yearValue.compareTo(BigDecimal.valueOf(2000)) < 0
                    || yearValue.compareTo(BigDecimal.valueOf(2100)) > 0) {
                campaign.error(rowOf.get("year"), v, "excel.error.year");
            } else {
                year = yearValue.intValue();
            }
        }
        String title = campaign.string(rowOf.get("title"), v, true, 1000);
        String headUnit = campaign.code(rowOf.get("headUnit"), v, true);
        LocalDate deadline = campaign.date(rowOf.get("pledgeDeadline"), v);
        if (headUnit != null && !(user.has(Role.CLUSTER_HEAD) && user.actsFor(headUnit))) {
            campaign.error(rowOf.get("headUnit"), v, "excel.error.notHead", headUnit);
        }
        if (clusterCode != null) {
            ClusterRegistered cluster = clusters.findCluster(clusterCode).orElse(null);
            if (cluster == null) {
                campaign.error(rowOf.get("clusterCode"), v, "excel.error.unknownCluster", clusterCode);
            } else if (headUnit != null && cluster.members().stream().noneMatch(m -> m.code().equals(headUnit))) {
                campaign.error(rowOf.get("headUnit"), v, "excel.error.headNotMember", headUnit, clusterCode);
            }
        }

        // Sheet 2: periods.
        Reader periodSheet = new Reader(wb.getSheetAt(1), errors);
        List<Period> periods = new ArrayList<>();
        Set<String> periodCodes = new HashSet<>();
        LocalDate lastDue = null;
        int lastDueRow = -1;
        for (int r = 1; r <= periodSheet.sheet.getLastRowNum(); r++) {
            if (ExcelSupport.blankRow(periodSheet.sheet.getRow(r), 0, 2)) {
                continue;
            }
            String code = periodSheet.code(r, 0, true);
            String ptitle = periodSheet.string(r, 1, true, 300);
            LocalDate due = periodSheet.date(r, 2);
            if (code != null && !periodCodes.add(code)) {
                periodSheet.error(r, 0, "excel.error.duplicateCode", code);
            }
            if (due != null && (lastDue == null || due.isAfter(lastDue))) {
                lastDue = due;
                lastDueRow = r;
            }
            periods.add(new Period(code, ptitle, due));
        }
        if (periods.isEmpty()) {
            periodSheet.error(1, 0, "excel.error.noPeriods");
        }
        if (deadline != null && lastDue != null && !deadline.isBefore(lastDue)) {
            campaign.error(rowOf.get("pledgeDeadline"), v, "excel.error.deadlineAfterLastPeriod",
                    new vn.thidua.web.ui.Formats().date(lastDue), lastDueRow + 1);
        }

        // Sheet 3: contents and indicators.
        Reader sheet = new Reader(wb.getSheetAt(2), errors);
        List<String> contentCodes = new ArrayList<>();
        Map<String, String> contentTitles = new LinkedHashMap<>();
        Map<String, List<Indicator>> indicatorsOf = new LinkedHashMap<>();
        Set<String> indicatorCodes = new HashSet<>();
        String current = null;
        for (int r = 1; r <= sheet.sheet.getLastRowNum(); r++) {
            if (ExcelSupport.blankRow(sheet.sheet.getRow(r), 0, 11)) {
                continue;
            }
            String contentCode = sheet.code(r, 0, false);
            String contentTitle = sheet.string(r, 1, false, 1000);
            if (contentCode != null && !contentCode.equals(current)) {
                if (contentTitles.containsKey(contentCode)) {
                    sheet.error(r, 0, "excel.error.duplicateCode", contentCode);
                } else {
                    if (contentTitle == null) {
                        sheet.error(r, 1, "excel.error.required");
                    }
                    contentTitles.put(contentCode, contentTitle);
                    contentCodes.add(contentCode);
                    indicatorsOf.put(contentCode, new ArrayList<>());
                }
                current = contentCode;
            } else if (contentCode == null && current == null
                    && ExcelSupport.blank(sheet.cell(r, 0))) {
                sheet.error(r, 0, "excel.error.required");
            }
            String code = sheet.code(r, 2, true);
            String ititle = sheet.string(r, 3, true, 500);
            String unit = sheet.string(r, 4, false, 40);
            IndicatorKind kind = sheet.choice(r, 5, IndicatorKind.class, true, KIND_ALIASES);
            Direction direction = sheet.choice(r, 6, Direction.class, false, DIRECTION_ALIASES);
            BigDecimal floor;
            if (kind == IndicatorKind.QUALITATIVE && !ExcelSupport.blank(sheet.cell(r, 7))) {
                Boolean yes = ExcelSupport.yesNo(sheet.cell(r, 7));
                if (yes == null) {
                    sheet.error(r, 7, "excel.error.notYesNo", ExcelSupport.string(sheet.cell(r, 7)));
                }
                floor = yes == null ? null : yes ? BigDecimal.ONE : BigDecimal.ZERO;
            } else {
                floor = sheet.number(r, 7, false);
            }
            BigDecimal weight = sheet.number(r, 8, true);
            BigDecimal perItem = sheet.number(r, 9, false);
            BigDecimal min = sheet.number(r, 10, false);
            BigDecimal max = sheet.number(r, 11, false);
            if (code != null && !indicatorCodes.add(code)) {
                sheet.error(r, 2, "excel.error.duplicateCode", code);
            }
            if (direction != null && kind != null && kind != IndicatorKind.QUANTITATIVE) {
                sheet.error(r, 6, "excel.error.directionOnlyQuantitative");
            }
            if (weight != null && weight.signum() < 0) {
                sheet.error(r, 8, "excel.error.negative");
            }
            // As CampaignDefinitionRules: only ADJUSTMENT needs it; a COUNT without it scores 1 point per item.
            if (kind == IndicatorKind.ADJUSTMENT && perItem == null && ExcelSupport.blank(sheet.cell(r, 9))) {
                sheet.error(r, 9, "excel.error.pointsPerItemRequired");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                sheet.error(r, 10, "excel.error.minAboveMax");
            }
            if (kind == IndicatorKind.COUNT && floor != null && floor.signum() < 0) {
                sheet.error(r, 7, "excel.error.negative");
            }
            if (current != null && indicatorsOf.containsKey(current)) {
                indicatorsOf.get(current).add(new Indicator(code, ititle, unit == null ? "" : unit, kind,
                        kind == IndicatorKind.QUANTITATIVE && direction == null ? Direction.HIGHER_IS_BETTER
                                : direction, floor, weight, perItem, min, max));
            }
        }
        if (contentCodes.isEmpty()) {
            sheet.error(1, 0, "excel.error.noContents");
        }

        // Sheet 4: scoring rules (optional: the defaults apply when the row is empty or the sheet is missing).
        ScoringRules rules = null;
        if (wb.getNumberOfSheets() > 3 && !ExcelSupport.blankRow(wb.getSheetAt(3).getRow(1), 0, 5)) {
            Reader rs = new Reader(wb.getSheetAt(3), errors);
            BigDecimal version = rs.number(1, 0, true);
            if (version != null && (version.stripTrailingZeros().scale() > 0 || version.compareTo(BigDecimal.ONE) < 0)) {
                rs.error(1, 0, "excel.error.version");
                version = null;
            }
            ScoringMethod method = rs.choice(1, 1, ScoringMethod.class, true, METHOD_ALIASES);
            BigDecimal cap = rs.number(1, 2, false);
            // As CampaignDefinitionRules: the cap matters (and must be positive) only for RATIO_CAPPED.
            if (method == ScoringMethod.RATIO_CAPPED && cap != null && cap.signum() <= 0) {
                rs.error(1, 2, "excel.error.positive");
            }
            BigDecimal[] penalties = new BigDecimal[3];
            for (int i = 0; i < 3; i++) {
                penalties[i] = rs.number(1, 3 + i, false);
                if (penalties[i] != null && penalties[i].signum() < 0) {
                    rs.error(1, 3 + i, "excel.error.negative");
                }
            }
            if (version != null && method != null) {
                rules = new ScoringRules(version.intValue(), method, cap, penalties[0], penalties[1], penalties[2]);
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(errors, null);
        }
        List<Content> contents = new ArrayList<>();
        for (String code : contentCodes) {
            contents.add(new Content(code, contentTitles.get(code), indicatorsOf.get(code)));
        }
        String id = campaignId != null ? campaignId : UUID.randomUUID().toString();
        return new Parsed(errors, new LaunchCampaign(id, clusterCode, year, title, headUnit, deadline, periods,
                contents, rules != null ? rules : ScoringRules.defaults()));
    }
}
