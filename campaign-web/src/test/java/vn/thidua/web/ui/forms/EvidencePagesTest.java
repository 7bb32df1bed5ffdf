package vn.thidua.web.ui.forms;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.thidua.web.it.EvidenceFiles;
import vn.thidua.web.testsupport.DemoSeedMvcTest;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence on the pages, on the seeded demo: the seed's PDFs on the 2021 unit page; files attached from the report
 * form (several at once, and one by the page's script asking JSON), listed, downloaded, shown beside the values on
 * the head's verification page, named in the audit trail and in the unit's workbook, withdrawn with a reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidencePagesTest extends DemoSeedMvcTest {
    static final String UNIT = "THIEU_HOA";
    static final String PERIOD = "GIUA_KY";


    long events(String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%." + type);
    }

    String reportForm() throws Exception {
        return body(mvc.perform(get("/campaigns/{id}/report/{u}", OPEN, UNIT).param("period", PERIOD)
                .with(as("thieuhoa"))).andExpect(status().isOk()).andReturn());
    }

    @Test
    @Order(1)
    void theSeedsPdfsAreOnThe2021UnitPage() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(body(mvc.perform(
                        get("/campaigns/cum-ii-2021/units/{u}", UNIT).with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn()))
                .contains("Báo cáo KT-XH 6 tháng đầu năm 2021 - Thiệu Hóa.pdf", "href=\"/evidence/"));
        assertThat(events("EvidenceAttached")).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_content", Long.class)).isEqualTo(4);
    }

    @Test
    @Order(2)
    void anOfficerAttachesSeveralFilesFromTheReportFormAndSeesThemListed() throws Exception {
        MockHttpServletRequestBuilder pledge = post("/campaigns/{id}/pledge/{u}", OPEN, UNIT).with(csrf());
        campaigns.require(OPEN).indicators().values().forEach(i -> pledge.param("v." + i.code(),
                switch (i.kind()) {
                    case QUALITATIVE -> "true";
                    default -> i.floor() != null ? ValueInputs.plain(i.floor()) : "10";
                }));
        mvc.perform(pledge.with(as("thieuhoa"))).andExpect(status().is3xxRedirection());
        assertThat(reportForm()).contains("Nộp báo cáo kỳ này trước").doesNotContain("id=\"evidence-form\"");
        mvc.perform(post("/campaigns/{id}/report/{u}", OPEN, UNIT).with(csrf()).with(as("thieuhoa"))
                .param("period", PERIOD).param("v.TANG_TRUONG", "7").param("v.THU_NGAN_SACH", "101")
                .param("v.KHONG_DICH", "true")).andExpect(status().is3xxRedirection());

        String form = reportForm();
        assertThat(form).contains("id=\"evidence-form\"", "enctype=\"multipart/form-data\"", "multiple",
                "Kéo thả tệp", "Chưa có minh chứng.");
        // The script under its content-versioned URL (static assets are served versioned, cached for a year).
        assertThat(form).containsPattern("src=\"/js/forms/evidence-[0-9a-f]{32}\\.js\"");
        long before = events("EvidenceAttached");
        // without the script: both files in one post, back to the form
        mvc.perform(multipart("/campaigns/{id}/report/{u}/evidence", OPEN, UNIT)
                        .file(new MockMultipartFile("file", "Biên bản họp.pdf", "application/pdf", EvidenceFiles.pdf()))
                        .file(new MockMultipartFile("file", "Ảnh.png", "image/png", EvidenceFiles.png()))
                        .param("period", PERIOD).param("indicatorCode", "THU_NGAN_SACH").param("note", "Bản chụp")
                        .with(csrf()).with(as("thieuhoa")))
                .andExpect(status().is3xxRedirection());
        // the script's way: one file, JSON back
        MvcResult json = mvc.perform(multipart("/campaigns/{id}/report/{u}/evidence", OPEN, UNIT)
                        .file(new MockMultipartFile("file", "Báo cáo.docx", "application/octet-stream", EvidenceFiles.docx()))
                        .param("period", PERIOD).param("indicatorCode", "")
                        .header("Accept", "application/json").with(csrf()).with(as("thieuhoa")))
                .andExpect(status().isCreated()).andReturn();
        assertThat(body(json)).contains("\"fileName\":\"Báo cáo.docx\"", "Đã đính kèm tệp Báo cáo.docx.");
        // a renamed executable, refused in Vietnamese, nothing recorded
        MvcResult refused = mvc.perform(multipart("/campaigns/{id}/report/{u}/evidence", OPEN, UNIT)
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[]{'M', 'Z', 0, 0, 1}))
                        .param("period", PERIOD).header("Accept", "application/json").with(csrf()).with(as("thieuhoa")))
                .andExpect(status().isUnsupportedMediaType()).andReturn();
        assertThat(body(refused)).contains("Chỉ nhận tệp PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS");
        assertThat(events("EvidenceAttached")).isEqualTo(before + 3);

        form = reportForm();
        assertThat(form).contains("Biên bản họp.pdf", "Ảnh.png", "Báo cáo.docx", "Rút minh chứng", "Bản chụp");
        String id = jdbc.queryForObject("SELECT evidence_id FROM evidence WHERE file_name = ?", String.class,
                "Biên bản họp.pdf");
        MvcResult download = mvc.perform(get("/evidence/{id}", id).with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
    }

    @Test
    @Order(3)
    void theHeadSeesTheFilesBesideTheValuesItVerifies() throws Exception {
        String queue = body(mvc.perform(get("/verification").with(as("truongcum"))).andExpect(status().isOk())
                .andReturn());
        assertThat(queue).contains("Minh chứng", "Biên bản họp.pdf", "Ảnh.png", "Báo cáo.docx", "href=\"/evidence/");
    }

    @Test
    @Order(4)
    void theUnitPageTheAuditTrailAndTheWorkbookNameTheFiles() throws Exception {
        assertThat(body(mvc.perform(get("/campaigns/{id}/units/{u}", OPEN, UNIT).with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn())).contains("Biên bản họp.pdf", "Báo cáo.docx");
        assertThat(body(mvc.perform(get("/audit").param("campaignId", OPEN).param("unitCode", UNIT)
                .with(as("kiemtoan"))).andExpect(status().isOk()).andReturn()))
                .contains("Đính kèm minh chứng", "Biên bản họp.pdf");
        byte[] xlsx = mvc.perform(get("/campaigns/{id}/units/{u}/progress.xlsx", OPEN, UNIT).with(as("kiemtoan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Minh chứng");
            assertThat(sheet).isNotNull();
            List<String> names = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    names.add(row.getCell(2).getStringCellValue());
                }
            }
            assertThat(names).containsExactlyInAnyOrder("Biên bản họp.pdf", "Ảnh.png", "Báo cáo.docx");
        }
    }

    @Test
    @Order(5)
    void theOfficerWithdrawsAFileWithAReasonAndItStaysListedMarked() throws Exception {
        String id = jdbc.queryForObject("SELECT evidence_id FROM evidence WHERE file_name = ?", String.class, "Ảnh.png");
        long before = events("EvidenceWithdrawn");
        mvc.perform(post("/campaigns/{c}/evidence/{id}/withdrawal", OPEN, id).with(csrf()).with(as("thieuhoa"))
                .param("reason", "")).andExpect(status().is3xxRedirection());
        assertThat(events("EvidenceWithdrawn")).as("no withdrawal without a reason").isEqualTo(before);
        mvc.perform(post("/campaigns/{c}/evidence/{id}/withdrawal", OPEN, id).with(csrf()).with(as("thieuhoa"))
                .param("reason", "Nhầm tệp")).andExpect(status().is3xxRedirection());
        assertThat(events("EvidenceWithdrawn")).isEqualTo(before + 1);
        assertThat(reportForm()).contains("Ảnh.png", "Đã rút", "Lý do rút: Nhầm tệp");
        mvc.perform(get("/evidence/{id}", id).with(as("kiemtoan"))).andExpect(status().isOk());
    }
}
