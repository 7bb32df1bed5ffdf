package vn.thidua.web.ui.pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.web.security.UserStore;
import vn.thidua.web.testsupport.OnH2;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The web pages against the seeded 2021 Cluster II campaign: real content, both languages, security, as-of, SSE. */
@OnH2
@SpringBootTest(properties = {"thidua.demo.enabled=true", "thidua.demo.password=Demo-pass-1"})
@AutoConfigureMockMvc
class PagesIT {
    static final String CAMPAIGN = "cum-ii-2021";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserStore users;
    @Autowired
    PageQueries queries;
    @Autowired
    vn.thidua.web.app.CommendationService commendations;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @BeforeEach
    void seededTableIsThere() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            try {
                LeagueTable t = queries.leagueTable(CAMPAIGN, null);
                UnitProgress p = queries.progress(CAMPAIGN, "THIEU_HOA");
                return t.rows().size() == 8 && t.rows().stream().noneMatch(r -> r.provisional())
                        && p.indicators().stream().anyMatch(i -> i.latest() != null);
            } catch (RuntimeException e) {
                return false;
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> page("/audit?campaignId=" + CAMPAIGN + "&type=ReportCorrected",
                "kiemtoan").contains("Điều chỉnh báo cáo"));
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String firstRowUnit(String html) {
        Matcher m = Pattern.compile("<tbody>\\s*<tr data-unit=\"([A-Z_]+)\"").matcher(html);
        assertThat(m.find()).as("a first row in the league table").isTrue();
        return m.group(1);
    }

    @Test
    void campaignListLinksToEachDashboard() throws Exception {
        String html = page("/campaigns", "kiemtoan");
        assertThat(html).contains("lang=\"vi\"", "Phong trào thi đua", "Cụm thi đua số II – tỉnh Thanh Hóa",
                "Đã kết thúc", "Đang diễn ra", "15/05/2021", "href=\"/campaigns/cum-ii-2021\"", "Năm 2021");
    }

    @Test
    void dashboardShowsTheLeagueTableInVietnamese() throws Exception {
        LeagueTable table = queries.leagueTable(CAMPAIGN, null);
        String html = page("/campaigns/" + CAMPAIGN, "kiemtoan");
        assertThat(table.rows().get(0).total()).isEqualByComparingTo("103.1877");
        assertThat(firstRowUnit(html)).isEqualTo("THO_XUAN");
        assertThat(html).contains("Bảng xếp hạng", "Hạng", "Tổng điểm", "Thứ nhất", "Thứ chín",
                "Áp dụng quy tắc chấm điểm phiên bản 1", "href=\"/campaigns/cum-ii-2021/units/THO_XUAN\"", "Thọ Xuân",
                "/campaigns/cum-ii-2021/league-table.xlsx", "/campaigns/cum-ii-2021/commendations",
                "<input type=\"date\" id=\"asOf\"", "role=\"img\"", "id=\"league-data\"", "/campaigns/cum-ii-2021/live");
        assertThat(html).contains(">103,19<");
        // An auditor acts for no unit: no pledge or report links.
        assertThat(html).doesNotContain("/pledge/", "/report/");
    }

    @Test
    void unitOfficerSeesPledgeAndReportLinksForItsOwnUnitOnly() throws Exception {
        String html = page("/campaigns/" + CAMPAIGN, "thieuhoa");
        assertThat(html).contains("/campaigns/cum-ii-2021/pledge/THIEU_HOA", "/campaigns/cum-ii-2021/report/THIEU_HOA")
                .doesNotContain("/campaigns/cum-ii-2021/pledge/TRIEU_SON");
    }

    @Test
    void englishAfterLangEn() throws Exception {
        String html = mvc.perform(get("/campaigns/" + CAMPAIGN).param("lang", "en").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"en\"", "League table", "Rank", "Total", "Scoring rules version 1",
                ">103.19<");
    }

    @Test
    void asOfShowsThePastTable() throws Exception {
        String now = page("/campaigns/" + CAMPAIGN, "kiemtoan");
        String then = page("/campaigns/" + CAMPAIGN + "?asOf=2021-07-31", "kiemtoan");
        assertThat(then).contains("Đây là số liệu đã qua.", "cuối ngày 31/07/2021", "Về bảng xếp hạng hiện tại",
                "value=\"2021-07-31\"").doesNotContain("/campaigns/cum-ii-2021/live");
        assertThat(tableOf(then)).isNotEqualTo(tableOf(now));
        // On 10/07/2021 mid-year reports were in but not yet verified: provisional, with a visible mark and text.
        assertThat(page("/campaigns/" + CAMPAIGN + "?asOf=2021-07-10", "kiemtoan"))
                .contains("provisional-mark", "Tạm tính", "chưa được kiểm tra, xác minh");
        assertThat(page("/campaigns/" + CAMPAIGN + "?asOf=2021-01-01", "kiemtoan"))
                .contains("phong trào chưa được phát động");
    }

    /** Issue 11, defect 7: a malformed as-of date is a Vietnamese page with the date field marked, never JSON. */
    @Test
    void aMalformedAsOfIsAVietnamesePageNotJson() throws Exception {
        for (String bad : new String[]{"2021-13-45", "abc", "31/07/2021"}) {
            MvcResult result = mvc.perform(get("/campaigns/" + CAMPAIGN).param("asOf", bad).with(as("kiemtoan")))
                    .andExpect(status().isBadRequest()).andReturn();
            String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(result.getResponse().getContentType()).as(bad).startsWith("text/html");
            assertThat(html).as(bad).contains("lang=\"vi\"", "id=\"asOf-error\"", "không phải là một ngày",
                    "aria-invalid=\"true\"", "Bảng xếp hạng").doesNotContain("\"type\":", "problem");
        }
        MvcResult export = mvc.perform(get("/campaigns/" + CAMPAIGN + "/league-table.xlsx").param("asOf", "2021-13-45")
                .with(as("kiemtoan"))).andExpect(status().isBadRequest()).andReturn();
        assertThat(export.getResponse().getContentType()).startsWith("text/html");
        assertThat(export.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("lang=\"vi\"", "Có lỗi", "Ngày «đến hết ngày» không hợp lệ").doesNotContain("\"type\":");
    }

    /** Issue 11, defect 5: the Excel button of a past table downloads that table, under a name with its date. */
    @Test
    void theExcelButtonOfAPastTableCarriesItsDate() throws Exception {
        String then = page("/campaigns/" + CAMPAIGN + "?asOf=2021-07-31", "kiemtoan");
        assertThat(then).contains("href=\"/campaigns/cum-ii-2021/league-table.xlsx?asOf=2021-07-31\"",
                "đến hết ngày 31/07/2021");
        String now = page("/campaigns/" + CAMPAIGN, "kiemtoan");
        assertThat(now).contains("href=\"/campaigns/cum-ii-2021/league-table.xlsx\"").doesNotContain("xlsx?asOf");
        String past = mvc.perform(get("/campaigns/" + CAMPAIGN + "/league-table.xlsx").param("asOf", "2021-07-31")
                .with(as("kiemtoan"))).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("Content-Disposition");
        String current = mvc.perform(get("/campaigns/" + CAMPAIGN + "/league-table.xlsx").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(past).contains("31-07-2021").isNotEqualTo(current);
        assertThat(current).doesNotContain("31-07-2021");
    }

    /** The PDF button beside the Excel one follows the dashboard's "as of", as the Excel one does. */
    @Test
    void thePdfButtonOfAPastTableCarriesItsDateAndTheSeededDocumentsRead() throws Exception {
        String then = page("/campaigns/" + CAMPAIGN + "?asOf=2021-07-31", "kiemtoan");
        assertThat(then).contains("href=\"/campaigns/cum-ii-2021/league-table.pdf?asOf=2021-07-31\"");
        String now = page("/campaigns/" + CAMPAIGN, "kiemtoan");
        assertThat(now).contains("href=\"/campaigns/cum-ii-2021/league-table.pdf\"",
                "href=\"/campaigns/cum-ii-2021/launch-letter.pdf\"").doesNotContain("pdf?asOf");
        MvcResult past = mvc.perform(get("/campaigns/" + CAMPAIGN + "/league-table.pdf").param("asOf", "2021-07-31")
                .with(as("kiemtoan"))).andExpect(status().isOk()).andReturn();
        assertThat(past.getResponse().getHeader("Content-Disposition")).contains("31-07-2021");
        assertThat(past.getResponse().getHeader("X-Event-Position")).matches("\\d+");
        String text = pdfText(past.getResponse().getContentAsByteArray());
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Thanh Hóa, ngày 31 tháng 7 năm 2021",
                "Thiệu Hóa", "Thọ Xuân", "Triệu Sơn", "TRƯỞNG CỤM", "CHỦ TỊCH UBND HUYỆN TRIỆU SƠN",
                "Số liệu tính đến hết ngày 31/07/2021", "Tốc độ tăng trưởng kinh tế").doesNotContain("TANG_TRUONG");
        MvcResult letter = mvc.perform(get("/campaigns/" + CAMPAIGN + "/launch-letter.pdf").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn();
        byte[] bytes = letter.getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "seed-launch-letter.pdf"), bytes);
        assertThat(pdfText(bytes)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: …/CTĐ-TS",
                "V/v phát động thi đua", "Kính gửi:", "Đông Sơn", "Hà Trung", "Yên Định", "Nơi nhận:",
                "TRƯỞNG CỤM", "Tốc độ tăng trưởng kinh tế")
                // Indicators by title, never by code; the subject not twice "phát động".
                .doesNotContain("TANG_TRUONG", "phát động thi đua phát động");
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(doc),
                    java.text.Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }

    /** Issue 11, defect 1: the unit page's summary counts the unit's indicators by status (they were always 0). */
    @Test
    void unitPageSummaryCountsTheIndicatorsByStatus() throws Exception {
        String html = page("/campaigns/" + CAMPAIGN + "/units/THIEU_HOA", "kiemtoan");
        UnitProgress progress = queries.progress(CAMPAIGN, "THIEU_HOA");
        int sum = 0;
        for (UnitProgress.Status status : UnitProgress.Status.values()) {
            long expected = progress.indicators().stream().filter(i -> i.status() == status).count();
            Matcher m = Pattern.compile("status-" + status.name() + "\"[^>]*>\\s*<span>[^<]*</span>:\\s*<span>(\\d+)</span>")
                    .matcher(html);
            assertThat(m.find()).as("the summary badge of %s", status).isTrue();
            assertThat(Long.parseLong(m.group(1))).as("%s", status).isEqualTo(expected);
            sum += Integer.parseInt(m.group(1));
        }
        assertThat(sum).isEqualTo(progress.indicators().size()).isPositive();
    }

    private static String tableOf(String html) {
        int from = html.indexOf("<tbody>");
        return html.substring(from, html.indexOf("</tbody>", from));
    }

    @Test
    void liveEndpointIsAnEventStream() throws Exception {
        MvcResult result = mvc.perform(get("/campaigns/" + CAMPAIGN + "/live").with(as("kiemtoan"))
                        .accept("text/event-stream"))
                .andExpect(request().asyncStarted()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(result.getResponse().getContentAsString()).contains("event:connected");
        String fragment = page("/campaigns/" + CAMPAIGN + "/table", "kiemtoan");
        assertThat(fragment).contains("id=\"league\"").doesNotContain("<html");
    }

    @Test
    void unitPageShowsEachIndicatorWithStatusAndProgress() throws Exception {
        String html = page("/campaigns/" + CAMPAIGN + "/units/THIEU_HOA", "kiemtoan");
        assertThat(html).contains("Thiệu Hóa", "Thứ nhất:", "Tổng thu ngân sách nhà nước", "role=\"progressbar\"",
                "aria-valuenow=\"100\"", "status-ACHIEVED", ">Đạt<", "Cả năm 2021", "6 tháng đầu năm 2021",
                "/campaigns/cum-ii-2021/units/THIEU_HOA/progress.xlsx", "159 % dự toán tỉnh giao", "144,6%");
    }

    @Test
    void auditTimelineInWords() throws Exception {
        String html = page("/audit?campaignId=" + CAMPAIGN + "&type=PledgeRevised", "kiemtoan");
        assertThat(html).contains("Điều chỉnh đăng ký", "12/05/2021 09:00", "Cán bộ thi đua đơn vị", "yendinh",
                "Tổng thu ngân sách nhà nước", "105", "110", "/audit/export.ndjson?campaignId=cum-ii-2021",
                "/audit.xlsx?campaignId=cum-ii-2021", "cũ nhất ở đầu");
        String stream = page("/audit?stream=participation:cum-ii-2021:NONG_CONG&campaignId=" + CAMPAIGN
                + "&unitCode=NONG_CONG", "kiemtoan");
        assertThat(stream).contains("Toàn bộ lịch sử của một hồ sơ", "Đăng ký thi đua", "Gửi báo cáo kết quả",
                "Trả lại báo cáo", "Kiểm tra, xác minh báo cáo", "Xã Vạn Hòa");
    }

    @Test
    void operationsForOperatorsOnly() throws Exception {
        mvc.perform(get("/operations").with(as("kiemtoan"))).andExpect(status().isForbidden());
        String html = page("/operations", "vanhanh");
        assertThat(html).contains("Vận hành hệ thống", "league-table", "Bảng xếp hạng", "Đang phục vụ",
                "role=\"progressbar\"", "Dựng lại", "name=\"_csrf\"");
        mvc.perform(post("/operations/audit/replay").with(as("kiemtoan")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/operations/audit/replay").with(as("vanhanh")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/operations"));
        assertThat(page("/operations/status", "vanhanh")).contains("\"name\":\"audit\"");
    }

    // ------------------------------------------------------------------------------------ public view, search

    private String anonymous(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoCampaignsArePublicWithoutSignIn() throws Exception {
        String list = anonymous("/cong-khai");
        assertThat(list).contains("Phong trào thi đua", "href=\"/cong-khai/campaigns/cum-ii-2021\"", "Đăng nhập",
                "Trang công khai");
        assertThat(list).doesNotContain("href=\"/campaigns/cum-ii-2021\"", "/campaigns/launch", "<form");

        String html = anonymous("/cong-khai/campaigns/" + CAMPAIGN);
        assertThat(firstRowUnit(html)).isEqualTo("THO_XUAN");
        assertThat(Pattern.compile("<tr data-unit=").matcher(html).results().count()).isEqualTo(8);
        assertThat(html).contains("Thọ Xuân", ">103,19<", "id=\"league-data\"", "role=\"img\"",
                "/cong-khai/campaigns/cum-ii-2021/live", "/cong-khai/campaigns/cum-ii-2021/table", "href=\"/login\"");
        // Read-only: no form, no write control, no link into the signed-in pages.
        assertThat(html).doesNotContain("<form", "<button type=\"submit\"", "/pledge/", "/report/", "/commendations",
                "league-table.xlsx", "href=\"/campaigns/cum-ii-2021/units/", "Đăng xuất");
        assertThat(anonymous("/cong-khai/campaigns/" + CAMPAIGN + "/table")).contains("data-unit=\"THO_XUAN\"")
                .doesNotContain("/units/");
        // The signed-in pages stay behind the sign-in, and nothing under /cong-khai accepts a write.
        mvc.perform(get("/campaigns/" + CAMPAIGN)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cong-khai/campaigns/" + CAMPAIGN).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/login")));
        mvc.perform(get("/cong-khai/campaigns/no-such-campaign")).andExpect(status().isNotFound());
    }

    @Test
    void searchFindsUnitsCampaignsAndCommendationsWithoutAccents() throws Exception {
        String units = page("/search?q=yen+dinh", "kiemtoan");
        assertThat(units).contains("Yên Định", "Tìm kiếm");
        Matcher unitLink = Pattern.compile("href=\"(/campaigns/cum-ii-[0-9]{4}/units/YEN_DINH)\"").matcher(units);
        assertThat(unitLink.find()).as("a link to Yên Định's unit page").isTrue();
        mvc.perform(get(unitLink.group(1)).with(as("kiemtoan"))).andExpect(status().isOk());
        assertThat(units).doesNotContain(">Thọ Xuân<");

        String campaigns = mvc.perform(get("/search").param("q", "Cụm II 2021").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(campaigns).contains("href=\"/campaigns/cum-ii-2021\"");

        String id = commendations.propose(new vn.thidua.web.app.Caller(
                        (vn.thidua.web.security.AppUser) users.loadUserByUsername("truongcum"), "search-test", null,
                        vn.thidua.web.app.Consistency.STORED),
                CAMPAIGN, "YEN_DINH", vn.thidua.domain.commendation.Award.CERTIFICATE_OF_MERIT,
                "Hoàn thành xuất sắc nhiệm vụ năm 2021", new vn.thidua.domain.commendation.Ballot(8, 0, 8));
        String awards = page("/search?q=bang+khen", "kiemtoan");
        assertThat(awards).contains("Bằng khen — Yên Định",
                "href=\"/campaigns/cum-ii-2021/commendations#c-" + id + "\"");

        String none = mvc.perform(get("/search").param("q", "khong co don vi nay").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("Không tìm thấy kết quả nào cho “khong co don vi nay”.");
        // The box in the menu, on every signed-in page.
        assertThat(page("/campaigns", "kiemtoan")).contains("role=\"search\"", "action=\"/search\"");
        mvc.perform(get("/search?q=yen")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aCampaignWithoutReportsRanksNobodyFirst() throws Exception {
        String open = "cum-ii-" + PageQueries.today().getYear();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                return queries.leagueTable(open, null).rows().size() == 8;
            } catch (RuntimeException e) {
                return false;
            }
        });
        String html = page("/campaigns/" + open, "kiemtoan");
        assertThat(Pattern.compile("<td class=\"num unranked\">Chưa xếp hạng</td>").matcher(html).results().count())
                .isEqualTo(8);
        assertThat(html).doesNotContain("<td class=\"num fw-bold\">1</td>");
        // The Excel table says the same.
        byte[] xlsx = mvc.perform(get("/campaigns/" + open + "/league-table.xlsx").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            java.util.List<String> ranks = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null
                        && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    ranks.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(ranks).contains("Chưa xếp hạng");
        }
        // The 2021 table: every unit has counted values, every unit ranked.
        assertThat(page("/campaigns/" + CAMPAIGN, "kiemtoan")).doesNotContain("Chưa xếp hạng")
                .contains("<td class=\"num fw-bold\">1</td>");
    }

    @Test
    void reportStatusesAreBadgesWithWords() throws Exception {
        String html = page("/campaigns/" + CAMPAIGN + "/units/THIEU_HOA", "kiemtoan");
        assertThat(html).contains("badge report-status report-VERIFIED", ">Đã xác nhận<");
    }
}
