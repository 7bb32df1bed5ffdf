package vn.thidua.web.excel;

import org.axonframework.queryhandling.QueryGateway;
import vn.thidua.web.api.Queries;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.query.UnitProgressQuery;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.query.audit.AuditFilter;
import vn.thidua.query.audit.AuditQueries;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static vn.thidua.web.excel.ExcelSupport.Styles;
import static vn.thidua.web.excel.ExcelSupport.dateTime;
import static vn.thidua.web.excel.ExcelSupport.header;
import static vn.thidua.web.excel.ExcelSupport.number;
import static vn.thidua.web.excel.ExcelSupport.text;

/**
 * Exports as .xlsx: the league table, a unit's progress and the audit timeline. Headers in the reader's language,
 * the header row bold and frozen, numbers as numbers with formats, dates as dates in Asia/Ho_Chi_Minh. Any signed-in
 * user may export (the data is what an auditor reads anyway).
 */
@Controller
public class ExportController {
    private final CampaignTermsLookup campaigns;
    private final QueryGateway queries;
    private final AuditQueries audit;
    private final ExcelText text;

    public ExportController(CampaignTermsLookup campaigns, QueryGateway queries, AuditQueries audit, ExcelText text) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.audit = audit;
        this.text = text;
    }

    private vn.thidua.web.app.EvidenceService evidence;

    /** The evidence files listed in a unit's export (set once, by Spring). */
    @org.springframework.beans.factory.annotation.Autowired
    void setEvidence(vn.thidua.web.app.EvidenceService evidence) {
        this.evidence = evidence;
    }

    // ------------------------------------------------------------------------------------------------ league table

    @GetMapping("/campaigns/{campaignId}/league-table.xlsx")
    public void leagueTable(@PathVariable String campaignId, @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) Integer rules, HttpServletResponse response)
            throws IOException {
        CampaignTerms terms = campaigns.require(campaignId);
        Instant at = asOf(asOf);
        LeagueTable table = Queries.ask(queries, new LeagueTableQuery(campaignId, at, rules), LeagueTable.class);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            Sheet sheet = wb.createSheet(text.get("excel.league.sheet"));
            List<String> titles = new ArrayList<>(List.of(text.all("excel.league.rank", "excel.col.unitCode",
                    "excel.col.unitName", "excel.league.total")));
            List<Integer> widths = new ArrayList<>(List.of(7, 14, 22, 12));
            for (Content c : terms.contents()) {
                titles.add(c.code() + " – " + shortTitle(c.title()));
                widths.add(16);
            }
            titles.add(text.get("excel.league.penalties"));
            widths.add(12);
            titles.add(text.get("excel.league.state"));
            widths.add(14);
            for (Indicator i : terms.indicators().values()) {
                // The indicator's title, as officers know it; its code stays in the launch workbook.
                titles.add(text.get("excel.league.indicatorPoints", i.title()));
                widths.add(22);
            }
            Instant tableAsOf = table.asOf() != null ? table.asOf() : Instant.now();
            int headerRow = ExcelSupport.titleBlock(sheet, s, titles.size(), terms.title(),
                    text.get("excel.league.titleLine", ExcelSupport.vietnamDateTime(tableAsOf),
                            table.rulesVersion()));
            header(sheet, s, headerRow, titles.toArray(String[]::new),
                    widths.stream().mapToInt(Integer::intValue).toArray(), 3);
            ExcelSupport.pageSetup(sheet, headerRow);
            int r = headerRow + 1;
            for (LeagueRow row : table.rows()) {
                Row x = sheet.createRow(r++);
                int c = 0;
                if (row.counted()) {
                    number(x, c++, row.rank(), s.integer);
                } else {
                    // No counted value yet: not ranked, as on the dashboard.
                    text(x, c++, text.get("excel.league.unranked"), s.text);
                }
                text(x, c++, row.unitCode(), s.text);
                text(x, c++, row.unitName(), s.text);
                number(x, c++, row.total(), s.decimal);
                for (Content content : terms.contents()) {
                    number(x, c++, row.contents().get(content.code()), s.decimal);
                }
                number(x, c++, row.penalties(), s.decimal);
                text(x, c++, text.get(row.provisional() ? "excel.league.provisional" : "excel.league.final"), s.text);
                for (String code : terms.indicators().keySet()) {
                    number(x, c++, row.indicators().get(code), s.decimal);
                }
            }
            Sheet about = wb.createSheet(text.get("excel.about.sheet"));
            header(about, s, 0, text.all("excel.about.item", "excel.about.value"), new int[]{28, 90}, 0);
            Row a = about.createRow(1);
            text(a, 0, text.get("excel.about.campaign"), s.text);
            text(a, 1, terms.title(), s.wrap);
            a = about.createRow(2);
            text(a, 0, text.get("excel.about.campaignId"), s.text);
            text(a, 1, terms.campaignId(), s.text);
            a = about.createRow(3);
            text(a, 0, text.get("excel.about.asOf"), s.text);
            dateTime(a, 1, table.asOf() != null ? table.asOf() : Instant.now(), s.dateTime);
            a = about.createRow(4);
            text(a, 0, text.get("excel.about.rulesVersion"), s.text);
            number(a, 1, table.rulesVersion(), s.integer);
            terms.rulesVersion(table.rulesVersion()).ifPresent(v -> {
                Row m = about.createRow(5);
                text(m, 0, text.get("excel.about.method"), s.text);
                text(m, 1, text.get("excel.method." + v.method().name()), s.text);
            });
            // A past table is named by its day, so that it is not mistaken for the current one.
            String file = at == null ? text.get("excel.league.file", campaignId)
                    : text.get("excel.league.fileAsOf", campaignId, fileDate(at));
            ExcelSupport.download(response, file + ".xlsx");
            wb.write(response.getOutputStream());
        }
    }

    /** {@code yyyy-MM-dd} is the end of that day in Vietnam; an ISO instant with offset is taken as it is. */
    public static Instant asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return Deadlines.endOf(LocalDate.parse(asOf.trim()));
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(asOf.trim()).toInstant();
            } catch (RuntimeException e2) {
                throw new InvalidValue("asOf", "asOf must be a date yyyy-MM-dd or an ISO-8601 instant with offset");
            }
        }
    }

    /** The Vietnamese day an "as of" instant ends, as a file name can carry it: 31-07-2021. */
    static String fileDate(Instant at) {
        return LocalDate.ofInstant(at.minusNanos(1), Deadlines.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    /** "Thứ nhất: Đẩy mạnh …" → "Thứ nhất". */
    private static String shortTitle(String title) {
        int colon = title.indexOf(':');
        String s = colon > 0 ? title.substring(0, colon) : title;
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }

    // ------------------------------------------------------------------------------------------------ progress

    @GetMapping("/campaigns/{campaignId}/units/{unitCode}/progress.xlsx")
    public void progress(@PathVariable String campaignId, @PathVariable String unitCode,
                         HttpServletResponse response) throws IOException {
        CampaignTerms terms = campaigns.require(campaignId);
        String unitName = terms.member(unitCode).orElseThrow(() -> new NotFound("unit", unitCode)).name();
        UnitProgress progress = Queries.ask(queries, new UnitProgressQuery(campaignId, unitCode), UnitProgress.class);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            Sheet sheet = wb.createSheet(text.get("excel.progress.sheet"));
            int headerRow = ExcelSupport.titleBlock(sheet, s, 8, text.get("excel.progress.title", unitName),
                    terms.title());
            header(sheet, s, headerRow, text.all("excel.col.indicatorCode", "excel.col.indicatorTitle", "excel.col.measure",
                            "excel.col.kind", "excel.progress.target", "excel.progress.latest", "excel.progress.ratio",
                            "excel.progress.status"),
                    new int[]{18, 60, 16, 14, 14, 14, 14, 18}, 1);
            ExcelSupport.pageSetup(sheet, headerRow);
            int r = headerRow + 1;
            for (UnitProgress.Indicator i : progress.indicators()) {
                Row x = sheet.createRow(r++);
                boolean yesNo = "QUALITATIVE".equals(i.kind());
                text(x, 0, i.code(), s.text);
                text(x, 1, i.title(), s.wrap);
                text(x, 2, i.unit(), s.text);
                text(x, 3, text.get("excel.kind." + i.kind()), s.text);
                value(x, 4, i.target(), yesNo, s);
                value(x, 5, i.latest(), yesNo, s);
                number(x, 6, i.ratio(), s.percent);
                text(x, 7, text.get("excel.status." + i.status().name()), s.text);
            }
            Sheet history = wb.createSheet(text.get("excel.history.sheet"));
            header(history, s, 0, text.all("excel.col.indicatorCode", "excel.col.period", "excel.history.value",
                            "excel.history.reported", "excel.history.verified", "excel.history.status",
                            "excel.history.late", "excel.history.at"),
                    new int[]{18, 12, 14, 14, 14, 16, 10, 18}, 1);
            ExcelSupport.pageSetup(history, 0);
            r = 1;
            for (UnitProgress.Indicator i : progress.indicators()) {
                boolean yesNo = "QUALITATIVE".equals(i.kind());
                for (UnitProgress.PeriodValue p : i.history()) {
                    Row x = history.createRow(r++);
                    text(x, 0, i.code(), s.text);
                    text(x, 1, p.period(), s.text);
                    value(x, 2, p.value(), yesNo, s);
                    value(x, 3, p.reported(), yesNo, s);
                    value(x, 4, p.verified(), yesNo, s);
                    text(x, 5, p.status() == null ? "" : text.get("excel.reportStatus." + p.status()), s.text);
                    text(x, 6, text.yesNo(p.late()), s.text);
                    dateTime(x, 7, ExcelSupport.instant(p.at()), s.dateTime);
                }
            }
            // Evidence (minh chứng): the file names of every report, by period and indicator; the bytes stay online.
            Sheet files = wb.createSheet(text.get("excel.evidence.sheet"));
            header(files, s, 0, text.all("excel.col.period", "excel.col.indicatorCode", "excel.evidence.fileName",
                            "excel.evidence.mediaType", "excel.evidence.size", "excel.evidence.uploadedBy",
                            "excel.evidence.uploadedAt", "excel.evidence.withdrawn", "excel.evidence.sha256"),
                    new int[]{12, 18, 50, 30, 12, 18, 18, 10, 66}, 1);
            r = 1;
            for (vn.thidua.query.evidence.EvidenceRow f : evidence.ofUnit(campaignId, unitCode)) {
                Row x = files.createRow(r++);
                text(x, 0, f.periodCode(), s.text);
                text(x, 1, f.indicatorCode() == null ? text.get("excel.evidence.wholeReport") : f.indicatorCode(), s.text);
                text(x, 2, f.fileName(), s.text);
                text(x, 3, f.mediaType(), s.text);
                number(x, 4, f.size(), s.integer);
                text(x, 5, f.uploadedBy(), s.text);
                dateTime(x, 6, ExcelSupport.instant(f.uploadedAt()), s.dateTime);
                text(x, 7, text.yesNo(f.withdrawn()), s.text);
                text(x, 8, f.sha256(), s.text);
            }
            ExcelSupport.download(response, text.get("excel.progress.file", campaignId, unitName) + ".xlsx");
            wb.write(response.getOutputStream());
        }
    }

    private void value(Row row, int col, BigDecimal value, boolean yesNo, Styles s) {
        if (value == null) {
            row.createCell(col);
        } else if (yesNo) {
            text(row, col, text.achieved(value.signum() != 0), s.text);
        } else {
            number(row, col, value, s.decimal);
        }
    }

    // ------------------------------------------------------------------------------------------------ audit

    @GetMapping("/audit.xlsx")
    public void audit(@RequestParam(required = false) String campaignId,
                      @RequestParam(required = false) String unitCode,
                      @RequestParam(required = false) String type,
                      @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to,
                      HttpServletResponse response) throws IOException {
        AuditFilter filter = new AuditFilter(campaignId, unitCode, type, bound("from", from, false),
                bound("to", to, true));
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            wb.setCompressTempFiles(true);
            Styles s = new Styles(wb);
            SXSSFSheet sheet = wb.createSheet(text.get("excel.audit.sheet"));
            header(sheet, s, 0, text.all("excel.audit.position", "excel.audit.at", "excel.audit.type",
                            "excel.audit.campaign", "excel.col.unitCode", "excel.col.period", "excel.audit.user",
                            "excel.audit.actorUnit", "excel.audit.role", "excel.audit.correlation",
                            "excel.audit.changes", "excel.audit.payload"),
                    new int[]{10, 18, 22, 16, 14, 10, 16, 14, 16, 38, 60, 80}, 0);
            ExcelSupport.pageSetup(sheet, 0);
            AtomicInteger r = new AtomicInteger(1);
            audit.forEach(filter, e -> {
                Row x = sheet.createRow(r.getAndIncrement());
                number(x, 0, e.position(), s.integer);
                dateTime(x, 1, ExcelSupport.instant(e.at()), s.dateTime);
                text(x, 2, e.type(), s.text);
                text(x, 3, e.campaignId(), s.text);
                text(x, 4, e.unitCode(), s.text);
                text(x, 5, e.periodCode(), s.text);
                text(x, 6, e.actor() == null ? null : e.actor().user(), s.text);
                text(x, 7, e.actor() == null ? null : e.actor().unit(), s.text);
                text(x, 8, e.actor() == null || e.actor().role() == null ? null
                        : text.get("excel.role." + e.actor().role()), s.text);
                text(x, 9, e.correlationId(), s.text);
                text(x, 10, e.changes(), s.text);
                text(x, 11, e.payload(), s.text);
            });
            ExcelSupport.download(response, text.get("excel.audit.file") + ".xlsx");
            OutputStream out = response.getOutputStream();
            wb.write(out);
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** A date (from: start of that day; to: end of that day, in Vietnam) or an ISO instant with offset. */
    private static Instant bound(String field, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.trim());
            return end ? Deadlines.endOf(day) : day.atStartOfDay(Deadlines.ZONE).toInstant();
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (RuntimeException e2) {
                throw new InvalidValue(field, field + " must be a date yyyy-MM-dd or an ISO-8601 instant with offset");
            }
        }
    }

}
