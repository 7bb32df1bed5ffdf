package vn.thidua.web.excel;

import org.axonframework.queryhandling.QueryGateway;
import vn.thidua.web.api.Queries;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import vn.thidua.domain.campaign.ScoringMethod;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.PaneInformation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.SubmitPledge;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventStreams;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;
import vn.thidua.web.seed.ClusterTwoSeed;
import vn.thidua.web.testsupport.DemoSeedMvcTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** The Excel exports, templates, imports and launch, on the seeded demo (Cluster II 2021 and the current year). */
class ExcelWorkbooksTest extends DemoSeedMvcTest {
    private static final String CLOSED = ClusterTwoSeed.CAMPAIGN_2021;
    private static final Pattern ERROR_ROW = Pattern.compile(
            "<tr class=\"excel-error\">\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>");

    @Autowired
    EventStreams streams;
    @Autowired
    QueryGateway queries;
    @Autowired
    ImportController imports;
    @Autowired
    Permissions permissions;

    private Workbook download(String username, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(user(account(username)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith(ExcelSupport.XLSX);
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"").contains("filename*=UTF-8''");
        return WorkbookFactory.create(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
    }

    private static void assertFrozenHeader(Sheet sheet, int rows) {
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as("pane of " + sheet.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) rows);
        Cell first = sheet.getRow(rows - 1).getCell(0);
        assertThat(sheet.getWorkbook().getFontAt(first.getCellStyle().getFontIndex()).getBold()).isTrue();
    }

    private static List<String> header(Sheet sheet, int row) {
        List<String> out = new ArrayList<>();
        sheet.getRow(row).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static byte[] bytes(Workbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }

    private MvcResult upload(String username, String campaignId, byte[] file, String kind, String period)
            throws Exception {
        var request = multipart("/campaigns/{id}/import", campaignId)
                .file(new MockMultipartFile("file", "so-lieu.xlsx", ExcelSupport.XLSX, file))
                .param("kind", kind).with(user(account(username))).with(csrf());
        if (period != null) {
            request.param("period", period);
        }
        return mvc.perform(request).andReturn();
    }

    /** The error table of a page: sheet, row, column, message. */
    private static List<List<String>> errors(MvcResult result) throws Exception {
        Matcher m = ERROR_ROW.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<List<String>> out = new ArrayList<>();
        while (m.find()) {
            out.add(List.of(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return out;
    }

    /** The column index of an indicator in a pledge or report template (hidden code row 3). */
    private static int col(Sheet sheet, String code) {
        for (Cell c : sheet.getRow(SubmissionWorkbooks.CODES_ROW)) {
            if (code.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + code);
    }

    private static Row unitRow(Sheet sheet, String unit) {
        for (int r = SubmissionWorkbooks.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && unit.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        row.createCell(0).setCellValue(unit);
        return row;
    }

    /** Fills a unit's row with its 2021 pledge: numbers as numbers, yes/no as "Có". */
    private void fillPledge(Sheet sheet, String unit) {
        CampaignTerms terms = campaigns.require(OPEN);
        Row row = unitRow(sheet, unit);
        ClusterTwoSeed.initialPledge(unit).forEach((code, value) -> {
            Cell cell = row.createCell(col(sheet, code));
            if (terms.indicators().get(code).kind().name().equals("QUALITATIVE")) {
                cell.setCellValue(value.signum() != 0 ? "Có" : "Không");
            } else {
                cell.setCellValue(value.doubleValue());
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ exports

    @Test
    void leagueTableExportHasVietnameseFrozenHeadersNumbersAndTheLeaderFirst() throws Exception {
        LeagueTable table = await().atMost(Duration.ofSeconds(60)).until(
                () -> Queries.ask(queries, new LeagueTableQuery(CLOSED, null, null), LeagueTable.class),
                t -> t.rows().size() == 8 && t.rows().get(0).total().signum() > 0);
        String leader = table.rows().get(0).unitCode();
        try (Workbook wb = download("kiemtoan", "/campaigns/" + CLOSED + "/league-table.xlsx")) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Bảng xếp hạng");
            // A title block (the campaign, then the figures' instant and rule version), a blank row, the header.
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("Bảng xếp hạng thi đua · số liệu tính đến ");
            assertThat(header(sheet, 3)).startsWith("Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm")
                    .contains("Điểm trừ", "ND1 – Thứ nhất");
            // Indicators by their titles, not their codes.
            assertThat(header(sheet, 3)).anySatisfy(h -> assertThat(h).startsWith("Điểm Tốc độ tăng trưởng kinh tế"))
                    .noneSatisfy(h -> assertThat(h).isEqualTo("Điểm " + ClusterTwoSeed.TANG_TRUONG));
            assertFrozenHeader(sheet, 4);
            // On paper: A4 landscape, fit to the page's width, the header row repeated on every page.
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("4:4"));
            Row first = sheet.getRow(4);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(leader);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            Cell total = first.getCell(3);
            assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(total.getNumericCellValue()).isCloseTo(table.rows().get(0).total().doubleValue(),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(sheet.getLastRowNum()).isEqualTo(11);
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(256 * 10);
        }
        try (Workbook wb = download("kiemtoan", "/campaigns/" + CLOSED + "/league-table.xlsx?lang=en&asOf=2021-12-31")) {
            assertThat(header(wb.getSheetAt(0), 3)).startsWith("Rank", "Unit code");
            Cell asOf = wb.getSheet("About").getRow(3).getCell(1);
            assertThat(asOf.getCellStyle().getDataFormatString()).isEqualTo("dd/MM/yyyy HH:mm");
            assertThat(asOf.getLocalDateTimeCellValue()).isEqualTo(LocalDate.of(2022, 1, 1).atStartOfDay());
        }
    }

    @Test
    void progressExportShowsTargetsRatiosAchievedAndHistoryDates() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Workbook wb = download("kiemtoan", "/campaigns/" + CLOSED + "/units/THIEU_HOA/progress.xlsx")) {
                Cell latest = wb.getSheetAt(0).getRow(4).getCell(5);
                return latest.getCellType() == CellType.NUMERIC && latest.getNumericCellValue() == 15.18
                        && wb.getSheetAt(1).getLastRowNum() >= 30;
            }
        });
        try (Workbook wb = download("kiemtoan", "/campaigns/" + CLOSED + "/units/THIEU_HOA/progress.xlsx")) {
            Sheet sheet = wb.getSheetAt(0);
            // A title block (the unit, the campaign), a blank row, then the header.
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Tiến độ thực hiện chỉ tiêu thi đua – Thiệu Hóa");
            assertThat(header(sheet, 3)).startsWith("Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Loại chỉ tiêu",
                    "Chỉ tiêu đăng ký", "Kết quả mới nhất", "Tỷ lệ so với đăng ký", "Tình trạng");
            assertFrozenHeader(sheet, 4);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getRepeatingRows()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("4:4"));
            Row growth = sheet.getRow(4);
            assertThat(growth.getCell(0).getStringCellValue()).isEqualTo(ClusterTwoSeed.TANG_TRUONG);
            assertThat(growth.getCell(4).getNumericCellValue()).isEqualTo(15.0);
            assertThat(growth.getCell(5).getNumericCellValue()).isEqualTo(15.18);
            assertThat(growth.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            Row epidemic = null;
            for (Row r : sheet) {
                if (ClusterTwoSeed.KHONG_DICH.equals(r.getCell(0).getStringCellValue())) {
                    epidemic = r;
                }
            }
            assertThat(epidemic).isNotNull();
            assertThat(epidemic.getCell(5).getStringCellValue()).isEqualTo("Đạt");
            Sheet history = wb.getSheetAt(1);
            assertFrozenHeader(history, 1);
            assertThat(history.getRepeatingRows()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
            Cell at = history.getRow(1).getCell(7);
            assertThat(at.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(at.getCellStyle().getDataFormatString()).isEqualTo("dd/MM/yyyy HH:mm");
            assertThat(at.getLocalDateTimeCellValue().getYear()).isEqualTo(2021);
        }
    }

    @Test
    void auditExportStreamsEveryEntryWithDates() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Workbook wb = download("kiemtoan", "/audit.xlsx?campaignId=" + CLOSED)) {
                return wb.getSheetAt(0).getLastRowNum() >= 60;
            }
        });
        try (Workbook wb = download("kiemtoan", "/audit.xlsx?campaignId=" + CLOSED + "&from=2021-04-01&to=2021-05-15")) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Nhật ký");
            assertThat(header(sheet, 0)).startsWith("Số thứ tự", "Thời điểm", "Loại sự kiện");
            assertFrozenHeader(sheet, 1);
            assertThat(sheet.getLastRowNum()).isBetween(5, 20);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("dd/MM/yyyy HH:mm");
            assertThat(first.getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDate.of(2021, 4, 20).atTime(9, 0));
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("CampaignLaunched");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("Trưởng cụm");
        }
    }

    // ------------------------------------------------------------------------------------------------ imports

    @Test
    void officerDownloadsThePledgeTemplateFillsItAndPledges() throws Exception {
        Workbook wb = download("thieuhoa", "/campaigns/" + OPEN + "/pledges/template.xlsx");
        Sheet sheet = wb.getSheetAt(0);
        assertThat(sheet.getSheetName()).isEqualTo("Đăng ký thi đua");
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Mã đơn vị");
        assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).startsWith(ClusterTwoSeed.TANG_TRUONG + " – ");
        assertThat(sheet.getRow(SubmissionWorkbooks.CODES_ROW).getZeroHeight()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
        assertThat(sheet.getLastRowNum()).isEqualTo(SubmissionWorkbooks.FIRST_DATA_ROW);
        assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo(ClusterTwoSeed.THIEU_HOA);
        assertThat(sheet.getDataValidations()).isNotEmpty();
        assertThat(wb.getSheet("Hướng dẫn")).isNotNull();
        fillPledge(sheet, ClusterTwoSeed.THIEU_HOA);
        sheet.getRow(3).getCell(col(sheet, ClusterTwoSeed.BAU_CU)).setCellValue("Đạt");

        MvcResult result = upload("thieuhoa", OPEN, bytes(wb), "PLEDGES", null);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(errors(result)).isEmpty();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("data-outcome=\"CREATED\"");
        var events = streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.THIEU_HOA));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.getPayload()).isInstanceOf(PledgeSubmitted.class));
        PledgeSubmitted pledge = (PledgeSubmitted) events.get(0).getPayload();
        assertThat(pledge.targets().get(ClusterTwoSeed.THU_NGAN_SACH)).isEqualByComparingTo("110");
        assertThat(pledge.targets()).hasSize(14);
    }

    @Test
    void aBelowFloorCellAndATextCellAreBothReportedAndNothingIsRecorded() throws Exception {
        Workbook wb = download("nongcong", "/campaigns/" + OPEN + "/pledges/template.xlsx");
        Sheet sheet = wb.getSheetAt(0);
        fillPledge(sheet, ClusterTwoSeed.NONG_CONG);
        int revenue = col(sheet, ClusterTwoSeed.THU_NGAN_SACH);
        int growth = col(sheet, ClusterTwoSeed.TANG_TRUONG);
        sheet.getRow(3).getCell(revenue).setCellValue(90);
        sheet.getRow(3).getCell(growth).setCellValue("mười lăm");
        long before = events();

        MvcResult result = upload("nongcong", OPEN, bytes(wb), "PLEDGES", null);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(errors(result)).containsExactlyInAnyOrder(
                List.of("Đăng ký thi đua", "4", ExcelSupport.column(growth), "“mười lăm” không phải là số."),
                List.of("Đăng ký thi đua", "4", ExcelSupport.column(revenue),
                        "Mức đăng ký 90 thấp hơn mức sàn 100 của cụm."));
        assertThat(events()).isEqualTo(before);
        assertThat(streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.NONG_CONG))).isEmpty();
    }

    @Test
    void numbersOutsideTheProductsRangeAreReportedPerCellAndNothingIsRecorded() throws Exception {
        Workbook wb = download("hatrung", "/campaigns/" + OPEN + "/pledges/template.xlsx");
        Sheet sheet = wb.getSheetAt(0);
        fillPledge(sheet, ClusterTwoSeed.HA_TRUNG);
        int revenue = col(sheet, ClusterTwoSeed.THU_NGAN_SACH);
        int growth = col(sheet, ClusterTwoSeed.TANG_TRUONG);
        sheet.getRow(3).getCell(revenue).setCellValue(1e25);
        sheet.getRow(3).getCell(growth).setCellValue("15,1234567");
        long before = events();

        MvcResult result = upload("hatrung", OPEN, bytes(wb), "PLEDGES", null);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(errors(result)).containsExactlyInAnyOrder(
                List.of("Đăng ký thi đua", "4", ExcelSupport.column(revenue),
                        "Số quá lớn: giá trị tuyệt đối phải nhỏ hơn 10^12 (một nghìn tỷ)."),
                List.of("Đăng ký thi đua", "4", ExcelSupport.column(growth),
                        "Số có quá nhiều chữ số thập phân (tối đa 6 chữ số sau dấu phẩy)."));
        assertThat(events()).isEqualTo(before);
        assertThat(streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.HA_TRUNG))).isEmpty();
    }

    @Test
    void anOfficerRowForAnotherUnitIsReportedAndNothingIsRecorded() throws Exception {
        Workbook wb = download("vinhloc", "/campaigns/" + OPEN + "/pledges/template.xlsx");
        Sheet sheet = wb.getSheetAt(0);
        fillPledge(sheet, ClusterTwoSeed.VINH_LOC);
        fillPledge(sheet, ClusterTwoSeed.HA_TRUNG);
        long before = events();

        MvcResult result = upload("vinhloc", OPEN, bytes(wb), "PLEDGES", null);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(errors(result)).containsExactly(List.of("Đăng ký thi đua", "5", "A",
                "Bạn không được nhập số liệu cho đơn vị “HA_TRUNG”: mỗi cán bộ chỉ nhập cho đơn vị của mình."));
        assertThat(events()).isEqualTo(before);
        assertThat(streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.VINH_LOC))).isEmpty();
    }

    @Test
    void theClusterHeadGetsEveryMemberButRecordsItsOwnUnitOnly() throws Exception {
        Workbook wb = download("truongcum", "/campaigns/" + OPEN + "/pledges/template.xlsx");
        Sheet sheet = wb.getSheetAt(0);
        assertThat(sheet.getLastRowNum() - SubmissionWorkbooks.FIRST_DATA_ROW + 1).isEqualTo(8);
        fillPledge(sheet, ClusterTwoSeed.TRIEU_SON);
        fillPledge(sheet, ClusterTwoSeed.DONG_SON);
        byte[] both = bytes(wb);
        long before = events();
        MvcResult refused = upload("truongcum", OPEN, both, "PLEDGES", null);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(errors(refused)).singleElement().satisfies(e -> {
            assertThat(e.get(2)).isEqualTo("A");
            assertThat(e.get(3)).contains("DONG_SON");
        });
        assertThat(events()).isEqualTo(before);

        Workbook again = WorkbookFactory.create(new ByteArrayInputStream(both));
        Row dongSon = unitRow(again.getSheetAt(0), ClusterTwoSeed.DONG_SON);
        for (int c = 2; c < dongSon.getLastCellNum(); c++) {
            dongSon.getCell(c).setBlank();
        }
        MvcResult ok = upload("truongcum", OPEN, bytes(again), "PLEDGES", null);
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.TRIEU_SON))).hasSize(1);
        assertThat(streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.DONG_SON))).isEmpty();
    }

    @Test
    void aReportCorrectionWithoutAReasonIsReportedAndWithOneIsRecorded() throws Exception {
        AppUser officer = account("yendinh");
        imports.record(caller(officer), List.of(new SubmissionWorkbooks.RowCommand("-", 1, ClusterTwoSeed.YEN_DINH, "Yên Định",
                permissions.officerOf(officer, ClusterTwoSeed.YEN_DINH),
                new SubmitPledge(OPEN, ClusterTwoSeed.YEN_DINH, ClusterTwoSeed.initialPledge(ClusterTwoSeed.YEN_DINH)),
                false)));
        String url = "/campaigns/" + OPEN + "/reports/template.xlsx?period=GIUA_KY";
        Workbook wb = download("yendinh", url);
        Sheet sheet = wb.getSheetAt(0);
        assertThat(sheet.getSheetName()).isEqualTo("Báo cáo kết quả");
        int reasonCol = sheet.getRow(1).getLastCellNum() - 1;
        assertThat(sheet.getRow(1).getCell(reasonCol).getStringCellValue()).isEqualTo("Lý do điều chỉnh");
        int growth = col(sheet, ClusterTwoSeed.TANG_TRUONG);
        sheet.getRow(3).createCell(growth).setCellValue(7.5);
        sheet.getRow(3).createCell(col(sheet, ClusterTwoSeed.KHONG_DICH)).setCellValue(true);
        MvcResult first = upload("yendinh", OPEN, bytes(wb), "REPORTS", "GIUA_KY");
        assertThat(first.getResponse().getStatus()).isEqualTo(200);

        Workbook prefilled = download("yendinh", url);
        Sheet s2 = prefilled.getSheetAt(0);
        assertThat(s2.getRow(3).getCell(growth).getNumericCellValue()).isEqualTo(7.5);
        assertThat(s2.getRow(3).getCell(col(s2, ClusterTwoSeed.KHONG_DICH)).getStringCellValue()).isEqualTo("Có");
        s2.getRow(3).getCell(growth).setCellValue(8.1);
        byte[] corrected = bytes(prefilled);
        long before = events();
        MvcResult refused = upload("yendinh", OPEN, corrected, "REPORTS", "GIUA_KY");
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(errors(refused)).containsExactly(List.of("Báo cáo kết quả", "4", ExcelSupport.column(reasonCol),
                "Báo cáo kỳ GIUA_KY khác với báo cáo đã gửi: cần ghi lý do điều chỉnh."));
        assertThat(events()).isEqualTo(before);

        Workbook withReason = WorkbookFactory.create(new ByteArrayInputStream(corrected));
        withReason.getSheetAt(0).getRow(3).createCell(reasonCol).setCellValue("Số liệu thống kê chính thức");
        MvcResult ok = upload("yendinh", OPEN, bytes(withReason), "REPORTS", "GIUA_KY");
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("data-outcome=\"CHANGED\"");
        var events = streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.YEN_DINH));
        assertThat(events.get(events.size() - 1).getPayload()).isInstanceOf(ReportCorrected.class);
    }

    @Test
    void aRefusalOnAnyRowRollsBackTheRowsBeforeIt() {
        long before = events();
        AppUser head = account("truongcum");
        AppUser thoXuan = account("thoxuan");
        Map<String, BigDecimal> good = ClusterTwoSeed.initialPledge(ClusterTwoSeed.THO_XUAN);
        Map<String, BigDecimal> belowFloor = new java.util.LinkedHashMap<>(
                ClusterTwoSeed.initialPledge(ClusterTwoSeed.TRIEU_SON));
        belowFloor.put(ClusterTwoSeed.THU_NGAN_SACH, new BigDecimal("50"));
        var recorded = imports.record(caller(head), List.of(
                new SubmissionWorkbooks.RowCommand("Đăng ký thi đua", 4, ClusterTwoSeed.THO_XUAN, "Thọ Xuân",
                        permissions.officerOf(thoXuan, ClusterTwoSeed.THO_XUAN),
                        new SubmitPledge(OPEN, ClusterTwoSeed.THO_XUAN, good), false),
                new SubmissionWorkbooks.RowCommand("Đăng ký thi đua", 5, ClusterTwoSeed.TRIEU_SON, "Triệu Sơn",
                        permissions.officerOf(head, ClusterTwoSeed.TRIEU_SON),
                        new SubmitPledge(OPEN, "NOT_A_MEMBER", belowFloor), false)));
        assertThat(recorded.done()).isEmpty();
        assertThat(recorded.refusals()).singleElement().satisfies(e -> assertThat(e.row()).isEqualTo(5));
        assertThat(events()).isEqualTo(before);
        assertThat(streams.read(StreamIds.participation(OPEN, ClusterTwoSeed.THO_XUAN))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ launch

    @Test
    void theClusterHeadLaunchesACampaignFromTheFilledTemplate() throws Exception {
        Workbook wb = download("truongcum", "/campaigns/launch/template.xlsx");
        assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Phong trào");
        assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("Kỳ báo cáo");
        assertThat(wb.getSheetAt(2).getSheetName()).isEqualTo("Nội dung và chỉ tiêu");
        assertThat(wb.getSheetAt(3).getSheetName()).isEqualTo("Quy tắc chấm điểm");
        assertThat(wb.getSheetAt(2).getDataValidations()).hasSize(2);
        String id = "excel-" + UUID.randomUUID().toString().substring(0, 8);
        wb.getSheetAt(0).getRow(1).getCell(2).setCellValue(id);
        byte[] good = bytes(wb);

        Workbook bad = WorkbookFactory.create(new ByteArrayInputStream(good));
        bad.getSheetAt(2).getRow(1).getCell(5).setCellValue("DINH_LUONG_SAI");
        MvcResult refused = mvc.perform(multipart("/campaigns/launch/excel")
                .file(new MockMultipartFile("file", "phat-dong.xlsx", ExcelSupport.XLSX, bytes(bad)))
                .with(user(account("truongcum"))).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(errors(refused)).singleElement().satisfies(e -> {
            assertThat(e.subList(0, 3)).containsExactly("Nội dung và chỉ tiêu", "2", "F");
            assertThat(e.get(3)).contains("DINH_LUONG_SAI");
        });
        assertThat(campaigns.find(id)).isEmpty();

        MvcResult officer = mvc.perform(multipart("/campaigns/launch/excel")
                .file(new MockMultipartFile("file", "phat-dong.xlsx", ExcelSupport.XLSX, good))
                .with(user(account("thieuhoa"))).with(csrf())).andReturn();
        assertThat(officer.getResponse().getStatus()).isEqualTo(422);
        assertThat(campaigns.find(id)).isEmpty();

        MvcResult ok = mvc.perform(multipart("/campaigns/launch/excel")
                .file(new MockMultipartFile("file", "phat-dong.xlsx", ExcelSupport.XLSX, good))
                .with(user(account("truongcum"))).with(csrf())).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/campaigns/" + id);
        CampaignTerms terms = campaigns.require(id);
        assertThat(terms.contents()).hasSize(2);
        assertThat(terms.indicators()).hasSize(4);
        assertThat(terms.periods()).hasSize(2);
        assertThat(terms.headUnit()).isEqualTo(ClusterTwoSeed.TRIEU_SON);
    }

    /** The upload asks what the API asks (CampaignDefinitionRules), no more. */
    @Test
    void aCountWithoutPointsPerItemAndACapUnusedByTheMethodAreAcceptedAsByTheApi() throws Exception {
        Workbook wb = download("truongcum", "/campaigns/launch/template.xlsx");
        String id = "excel-" + UUID.randomUUID().toString().substring(0, 8);
        wb.getSheetAt(0).getRow(1).getCell(2).setCellValue(id);
        Row count = wb.getSheetAt(2).getRow(3);
        assertThat(count.getCell(5).getStringCellValue()).isEqualTo("COUNT");
        count.getCell(9).setBlank();
        Sheet rulesSheet = wb.getSheetAt(3);
        Row rules = rulesSheet.getRow(1) != null ? rulesSheet.getRow(1) : rulesSheet.createRow(1);
        rules.createCell(0).setCellValue(1);
        rules.createCell(1).setCellValue("LEADER_INTERPOLATED");
        rules.createCell(2).setCellValue(0);

        MvcResult ok = mvc.perform(multipart("/campaigns/launch/excel")
                .file(new MockMultipartFile("file", "phat-dong.xlsx", ExcelSupport.XLSX, bytes(wb)))
                .with(user(account("truongcum"))).with(csrf())).andReturn();

        assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
        CampaignTerms terms = campaigns.require(id);
        assertThat(terms.indicators().get("NTM_NANG_CAO").pointsPerItem()).isNull();
        assertThat(terms.rules().method()).isEqualTo(ScoringMethod.LEADER_INTERPOLATED);
    }

    @Test
    void theUploadPagesRender() throws Exception {
        MvcResult page = mvc.perform(get("/campaigns/" + OPEN + "/import").with(user(account("thieuhoa")))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Nhập số liệu từ Excel", "pledges/template.xlsx", "reports/template.xlsx?period=GIUA_KY");
        MvcResult launch = mvc.perform(get("/campaigns/launch/excel").with(user(account("truongcum")))).andReturn();
        assertThat(launch.getResponse().getStatus()).isEqualTo(200);
        assertThat(launch.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("launch/template.xlsx");
    }

    private static vn.thidua.web.app.Caller caller(AppUser user) {
        return new vn.thidua.web.app.Caller(user, "test-" + java.util.UUID.randomUUID(), null,
                vn.thidua.web.app.Consistency.STORED);
    }
}
