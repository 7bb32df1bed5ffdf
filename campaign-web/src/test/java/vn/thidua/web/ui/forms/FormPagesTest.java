package vn.thidua.web.ui.forms;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.web.config.AppClock;
import vn.thidua.web.testsupport.DemoSeedMvcTest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The form pages against the seeded demo: the open current-year campaign and the closed 2021 one. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormPagesTest extends DemoSeedMvcTest {
    static final String UNIT = "THIEU_HOA";

    @Autowired
    AppClock clock;

    long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    long events(String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%." + type);
    }

    /** A complete pledge at the floors (yes/no indicators achieved), with one field overridden. */
    MockHttpServletRequestBuilder pledge(String unit, String code, String value) {
        MockHttpServletRequestBuilder request = post("/campaigns/{id}/pledge/{u}", OPEN, unit).with(csrf());
        CampaignTerms terms = campaigns.require(OPEN);
        terms.indicators().values().forEach(i -> {
            String v = switch (i.kind()) {
                case QUALITATIVE -> "true";
                default -> i.floor() != null ? ValueInputs.plain(i.floor()) : "10";
            };
            request.param("v." + i.code(), i.code().equals(code) ? value : v);
        });
        return request;
    }

    MockHttpServletRequestBuilder report(String period, String growth, String reason) {
        MockHttpServletRequestBuilder request = post("/campaigns/{id}/report/{u}", OPEN, UNIT).with(csrf())
                .param("period", period).param("v.TANG_TRUONG", growth).param("v.THU_NGAN_SACH", "95,5")
                .param("v.KHONG_DICH", "true");
        if (reason != null) {
            request.param("reason", reason);
        }
        return request;
    }

    /** The pledge form as the officer gets it back when the value typed is refused (nothing is recorded). */
    String refusedPledge(String indicator, String value) throws Exception {
        return body(mvc.perform(pledge(UNIT, indicator, value).with(as("thieuhoa")))
                .andExpect(status().isUnprocessableEntity()).andReturn());
    }

    @Test
    @Order(1)
    void officerPledgesOnTheOpenCampaign() throws Exception {
        String form = body(mvc.perform(get("/campaigns/{id}/pledge/{u}", OPEN, UNIT).with(as("thieuhoa")))
                .andExpect(status().isOk()).andReturn());
        assertThat(form).contains("<legend", "Thứ nhất", "Tối thiểu: 100 % dự toán tỉnh giao", "step=\"any\"",
                "for=\"v-THU_NGAN_SACH\"", "lang=\"vi\"");
        long before = events("PledgeSubmitted");
        mvc.perform(pledge(UNIT, "TANG_TRUONG", "8.5").with(as("thieuhoa")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/campaigns/" + OPEN + "/units/" + UNIT));
        assertThat(events("PledgeSubmitted")).isEqualTo(before + 1);
        String again = body(mvc.perform(get("/campaigns/{id}/pledge/{u}", OPEN, UNIT).with(as("thieuhoa")))
                .andReturn());
        assertThat(again).contains("value=\"8.5\"");
    }

    @Test
    @Order(2)
    void belowFloorIsShownAtTheFieldAndRecordsNothing() throws Exception {
        long before = events();
        String page = refusedPledge("THU_NGAN_SACH", "90");
        assertThat(page).contains("Chỉ tiêu đăng ký thấp hơn mức sàn của cụm (100)", "id=\"v-THU_NGAN_SACH-error\"",
                "v-THU_NGAN_SACH-help v-THU_NGAN_SACH-error", "is-invalid", "value=\"90\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void aNumberOutsideTheProductsRangeIsShownAtTheFieldInVietnameseAndRecordsNothing() throws Exception {
        long before = events();
        String page = refusedPledge("THU_NGAN_SACH", "1e25");
        assertThat(page).contains("Số quá lớn", "id=\"v-THU_NGAN_SACH-error\"", "is-invalid");
        page = refusedPledge("THU_NGAN_SACH", "100.00000001");
        assertThat(page).contains("quá nhiều chữ số thập phân", "id=\"v-THU_NGAN_SACH-error\"");
        assertThat(events()).isEqualTo(before);
    }

    /** Issue 11: "8,5" became 85 in the browser's number input; thousands separators are refused, not guessed. */
    @Test
    @Order(2)
    void decimalCommasAreTakenAndThousandsSeparatorsRefusedInVietnamese() throws Exception {
        String form = body(mvc.perform(get("/campaigns/{id}/pledge/{u}", OPEN, UNIT).with(as("thieuhoa")))
                .andExpect(status().isOk()).andReturn());
        assertThat(form).as("no browser number input, which reads 8,5 as 85").doesNotContain("type=\"number\"")
                .contains("inputmode=\"decimal\"");
        long before = events();
        for (String grouped : List.of("1.234", "1,234", "1.234,5", "1,234.5", "1.234.567")) {
            String page = refusedPledge("TANG_TRUONG", grouped);
            assertThat(page).as(grouped).contains("id=\"v-TANG_TRUONG-error\"",
                    "không dùng dấu phân cách hàng nghìn");
        }
        String launch = body(mvc.perform(launch("Phong trào thử").with(as("truongcum"))
                        .param("contents[0].indicators[0].weight", "1,234.5"))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(launch).contains("id=\"contents-0-indicators-0-weight-error\"",
                "không dùng dấu phân cách hàng nghìn").doesNotContain("type=\"number\"");
        assertThat(events()).isEqualTo(before);
        for (String path : List.of("/campaigns/cum-ii-2021/commendations", "/verification")) {
            assertThat(body(mvc.perform(get(path).with(as("truongcum"))).andReturn())).as(path)
                    .doesNotContain("type=\"number\"");
        }
    }

    @Test
    @Order(3)
    void anotherUnitsOfficerIsRefused() throws Exception {
        long before = events();
        mvc.perform(pledge("DONG_SON", null, null).with(as("thieuhoa"))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/{id}/pledge/{u}", OPEN, "DONG_SON").with(as("thieuhoa")))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void reportThenCorrectionAsksForAReason() throws Exception {
        String first = body(mvc.perform(get("/campaigns/{id}/report/{u}", OPEN, UNIT).param("period", "GIUA_KY")
                .with(as("thieuhoa"))).andExpect(status().isOk()).andReturn());
        assertThat(first).contains("Kỳ báo cáo", "Chỉ tiêu đã đăng ký").doesNotContain("name=\"reason\"");
        long submitted = events("ReportSubmitted");
        mvc.perform(report("GIUA_KY", "6", null).with(as("thieuhoa"))).andExpect(status().is3xxRedirection());
        assertThat(events("ReportSubmitted")).isEqualTo(submitted + 1);

        String second = body(mvc.perform(get("/campaigns/{id}/report/{u}", OPEN, UNIT).param("period", "GIUA_KY")
                .with(as("thieuhoa"))).andReturn());
        assertThat(second).contains("name=\"reason\"", "Lý do điều chỉnh");

        long before = events();
        String refused = body(mvc.perform(report("GIUA_KY", "7", "  ").with(as("thieuhoa")))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(refused).contains("Vui lòng nêu lý do điều chỉnh báo cáo", "id=\"reason-error\"", "value=\"7\"");
        assertThat(events()).isEqualTo(before);

        long corrected = events("ReportCorrected");
        mvc.perform(report("GIUA_KY", "7", "Số liệu thống kê chính thức của Chi cục").with(as("thieuhoa")))
                .andExpect(status().is3xxRedirection());
        assertThat(events("ReportCorrected")).isEqualTo(corrected + 1);
    }

    @Test
    @Order(5)
    void headVerifiesWithAFixedValueButNotItsOwnUnit() throws Exception {
        String queue = body(mvc.perform(get("/verification").with(as("truongcum")))
                .andExpect(status().isOk()).andReturn());
        assertThat(queue).contains("Thiệu Hóa", "name=\"fix.TANG_TRUONG\"", "name=\"reason.TANG_TRUONG\"",
                "Xác nhận", "Trả lại");
        long beforeFix = events();
        String noReason = body(mvc.perform(post("/verification/{c}/{u}/{p}", OPEN, UNIT, "GIUA_KY").with(csrf())
                        .with(as("truongcum")).param("verdict", "VERIFIED").param("comment", "Kiểm tra chéo")
                        .param("fix.TANG_TRUONG", "6.5"))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(noReason).contains("cần ghi lý do sửa", "-reason-TANG_TRUONG-error");
        assertThat(events()).isEqualTo(beforeFix);
        mvc.perform(post("/verification/{c}/{u}/{p}", OPEN, UNIT, "GIUA_KY").with(csrf()).with(as("truongcum"))
                        .param("verdict", "VERIFIED").param("comment", "Kiểm tra chéo").param("fix.TANG_TRUONG", "6.5")
                        .param("reason.TANG_TRUONG", "Số liệu thống kê chính thức là 6,5%"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/verification"));
        String verified = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE payload_type LIKE ?"
                + " ORDER BY global_index DESC", String.class, "%.ReportVerified").get(0);
        assertThat(verified).contains(OPEN, UNIT);
        assertThat(verified).contains("6.5");
        assertThat(body(mvc.perform(get("/verification").with(as("truongcum"))).andReturn()))
                .doesNotContain("/verification/" + OPEN + "/THIEU_HOA/GIUA_KY");

        long before = events();
        String own = body(mvc.perform(post("/verification/{c}/{u}/{p}", OPEN, "TRIEU_SON", "GIUA_KY").with(csrf())
                        .with(as("truongcum")).param("verdict", "VERIFIED"))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(own).contains("Không được tự xác minh báo cáo của đơn vị mình");
        assertThat(events()).isEqualTo(before);
        mvc.perform(get("/verification").with(as("thieuhoa"))).andExpect(status().isForbidden());
    }

    @Test
    @Order(6)
    void lateReportIsMarked() throws Exception {
        CampaignTerms terms = campaigns.require(OPEN);
        LocalDate due = terms.period("CUOI_KY").orElseThrow().dueDate();
        clock.pin(Deadlines.endOf(due).plusSeconds(60));
        try {
            String form = body(mvc.perform(get("/campaigns/{id}/report/{u}", OPEN, UNIT).param("period", "CUOI_KY")
                    .with(as("thieuhoa"))).andReturn());
            assertThat(form).contains("class=\"late-mark\"", "Nộp muộn", "sẽ được ghi nhận là nộp muộn");
            mvc.perform(report("CUOI_KY", "9", null).with(as("thieuhoa"))).andExpect(status().is3xxRedirection());
            String after = body(mvc.perform(get("/campaigns/{id}/report/{u}", OPEN, UNIT).param("period", "CUOI_KY")
                    .with(as("thieuhoa"))).andReturn());
            assertThat(after).contains("Báo cáo này đã được ghi nhận là nộp muộn.");
        } finally {
            clock.release();
        }
    }

    @Test
    @Order(7)
    void boardApprovesAndConfersACommendationOn2021() throws Exception {
        String campaign = "cum-ii-2021";
        String leader = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> rows = jdbc.queryForList("SELECT unit_code FROM league_table_row WHERE campaign_id = ?"
                    + " AND rank = 1 AND generation = (SELECT active_generation FROM projection_state"
                    + " WHERE name = 'league-table')", String.class, campaign);
            return rows.isEmpty() ? null : rows.get(0);
        }, java.util.Objects::nonNull);
        String notLeader = campaigns.require(campaign).members().stream().map(m -> m.code())
                .filter(c -> !c.equals(leader)).findFirst().orElseThrow();

        long before = events();
        String refused = body(mvc.perform(post("/campaigns/{id}/commendations", campaign).with(csrf())
                        .with(as("truongcum")).param("unitCode", notLeader).param("award", "PROVINCIAL_FLAG")
                        .param("rationale", "Dẫn đầu").param("ballot.inFavour", "7").param("ballot.against", "1")
                        .param("ballot.cast", "8"))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(refused).contains("Cờ thi đua chỉ dành cho đơn vị dẫn đầu", "id=\"unitCode-error\"");
        assertThat(events()).isEqualTo(before);

        String form = body(mvc.perform(get("/campaigns/{id}/commendations", campaign).with(as("truongcum")))
                .andExpect(status().isOk()).andReturn());
        assertThat(form).contains("Cờ thi đua của Chính phủ", "Cờ thi đua của UBND tỉnh", "Bằng khen", "Giấy khen",
                "Số phiếu tán thành");
        mvc.perform(post("/campaigns/{id}/commendations", campaign).with(csrf()).with(as("truongcum"))
                        .param("unitCode", leader).param("award", "PROVINCIAL_FLAG")
                        .param("rationale", "Đơn vị dẫn đầu Cụm thi đua số II năm 2021")
                        .param("ballot.inFavour", "7").param("ballot.against", "1").param("ballot.cast", "8"))
                .andExpect(status().is3xxRedirection());
        String id = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE ?",
                String.class, "%.CommendationProposed");
        id = id.substring(id.lastIndexOf(':') + 1);
        String commendationId = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1) : id;

        mvc.perform(post("/commendations/{id}/approve", commendationId).with(csrf()).with(as("truongcum")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/commendations/{id}/approve", commendationId).with(csrf()).with(as("bantdkt"))
                .param("comment", "Đủ điều kiện")).andExpect(status().is3xxRedirection());
        String missing = body(mvc.perform(post("/commendations/{id}/confer", commendationId).with(csrf())
                .with(as("bantdkt")).param("decisionNo", "123/QĐ-UBND").param("decisionDate", ""))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(missing).contains("Vui lòng nhập thông tin này.", "value=\"123/QĐ-UBND\"");
        mvc.perform(post("/commendations/{id}/confer", commendationId).with(csrf()).with(as("bantdkt"))
                .param("decisionNo", "123/QĐ-UBND").param("decisionDate", "2022-02-15"))
                .andExpect(status().is3xxRedirection());
        String list = body(mvc.perform(get("/campaigns/{id}/commendations", campaign).with(as("bantdkt")))
                .andExpect(status().isOk()).andReturn());
        assertThat(list).contains("Đã có quyết định", "Số 123/QĐ-UBND, ngày 15/02/2022", "Đề nghị", "Phê duyệt",
                "Quyết định khen thưởng", "Đủ điều kiện", "Lý do thu hồi");
        // The unit's award history shows it, with the decision, in Vietnamese.
        String awards = body(mvc.perform(get("/units/{unit}/awards", leader).with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn());
        assertThat(awards).contains("Lịch sử khen thưởng của", "Cờ thi đua của UBND tỉnh", "Đã tặng thưởng",
                "123/QĐ-UBND (15/02/2022)", "2021");
    }

    @Test
    @Order(7)
    void theApprovedTableAndTheInspectionTeamsOf2021AreShownAndTheDashboardComparesTheSelfScore()
            throws Exception {
        String page = body(mvc.perform(get("/campaigns/{id}/inspections", "cum-ii-2021").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Các đoàn kiểm tra chéo", "Thiệu Hóa", "Hà Trung", "Vĩnh Lộc",
                "Hội nghị cụm thông qua ngày 11/01/2022", "Triệu Sơn");
        assertThat(page).doesNotContain("Ghi nhận hội nghị thông qua</button>");

        String plain = body(mvc.perform(get("/campaigns/{id}", "cum-ii-2021").with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn());
        assertThat(plain).contains("So sánh với điểm tự chấm").doesNotContain("Kiểm tra chéo thay đổi");
        String compared = body(mvc.perform(get("/campaigns/{id}", "cum-ii-2021").param("compare", "true")
                        .with(as("kiemtoan"))).andExpect(status().isOk()).andReturn());
        assertThat(compared).contains("Tự chấm", "Kiểm tra chéo thay đổi");
    }

    @Test
    @Order(8)
    void launchKeepsWhatWasTypedAndLaunches() throws Exception {
        mvc.perform(get("/campaigns/launch").with(as("truongcum"))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/launch").with(as("thieuhoa"))).andExpect(status().isForbidden());
        long before = events();
        String page = body(mvc.perform(launch("").with(as("truongcum")).param("contents[0].indicators[0].weight", "abc"))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(page).contains("id=\"title-error\"", "Vui lòng nhập thông tin này.",
                "id=\"contents-0-indicators-0-weight-error\"", "Vui lòng nhập một số", "value=\"abc\"",
                "value=\"Tăng trưởng\"", "/campaigns/launch/excel");
        assertThat(events()).isEqualTo(before);
        mvc.perform(launch("Phong trào thử").with(as("truongcum")).param("contents[0].indicators[0].weight", "10"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/campaigns/thu-nghiem-forms"));
    }

    MockHttpServletRequestBuilder launch(String title) {
        LocalDate today = LocalDate.now();
        return post("/campaigns/launch").with(csrf()).param("campaignId", "thu-nghiem-forms")
                .param("clusterCode", "CUM-II-TH").param("year", Integer.toString(today.getYear() + 1))
                .param("title", title).param("pledgeDeadline", today.plusDays(10).toString())
                .param("periods[0].code", "P1").param("periods[0].title", "Cả năm")
                .param("periods[0].dueDate", today.plusDays(100).toString())
                .param("contents[0].code", "ND1").param("contents[0].title", "Kinh tế")
                .param("contents[0].indicators[0].code", "TT").param("contents[0].indicators[0].title", "Tăng trưởng")
                .param("contents[0].indicators[0].unit", "%").param("contents[0].indicators[0].kind", "QUANTITATIVE")
                .param("contents[0].indicators[0].direction", "HIGHER_IS_BETTER")
                .param("contents[0].indicators[0].floor", "5");
    }

    @Test
    @Order(9)
    void englishLabels() throws Exception {
        String page = body(mvc.perform(get("/campaigns/{id}/pledge/{u}", OPEN, UNIT).param("lang", "en")
                .with(as("thieuhoa"))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("lang=\"en\"", "Minimum: 100 % dự toán tỉnh giao", "Submit pledge");
    }
}
