package vn.thidua.web.it;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.thidua.web.testsupport.Api.Bytes;
import vn.thidua.web.testsupport.Fixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.map;

/**
 * Generated documents through real HTTP: the league table and the launch letter as PDF, their text extracted with
 * PDFBox, the font embedded, the same bytes for the same event position and a new position after a new event.
 */
abstract class DocumentScenarios extends ApiScenarioSupport {
    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /** Unit 1 leads; every report is verified by the board. */
    Fixture scoredCampaign() {
        Fixture f = campaign();
        Object[][] reports = {{110, true, 55}, {150, true, 75}, {100, true, 50}};
        for (int u = 0; u < 3; u++) {
            driver.pledged(f, u, 100, true, 50);
            driver.reported(f, u, "Q1", reports[u][0], reports[u][1], reports[u][2]);
            assertStatus(api.post(f.reportPath(u, "Q1") + "/verification").as(f.board()).header("Consistency", "wait")
                    .json(map("verdict", "VERIFIED", "comment", "đạt")).send(), 200);
        }
        return f;
    }

    Bytes pdf(String path, vn.thidua.web.testsupport.Api.Creds as) {
        Bytes r = api.get(path).as(as).sendForBytes();
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/pdf");
        assertThat(r.header("X-Event-Position")).as("%s", r).matches("\\d+");
        assertThat(new String(r.body(), 0, 5)).isEqualTo("%PDF-");
        return r;
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertFontsEmbedded(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int fonts = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSerif");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collapses the line breaks PDFBox puts where a cell or a line wrapped. */
    static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void leagueTablePdfHasTheMottoTheUnitsAndTheirRanks() {
        Fixture f = scoredCampaign();
        Bytes r = pdf(f.campaignPath() + "/league-table.pdf", f.auditor());
        String text = words(text(r.body()));
        assertThat(text).contains(MOTTO, "Độc lập - Tự do - Hạnh phúc", "BẢNG XẾP HẠNG THI ĐUA",
                "CỤM THI ĐUA SỐ " + f.cluster().toUpperCase(java.util.Locale.ROOT), "Thanh Hóa, ngày",
                "TRƯỞNG CỤM", "Nơi nhận:", "Thu ngân sách", "Hoàn thành chương trình nông thôn mới",
                "Tỷ lệ hộ nghèo giảm", "vị trí " + r.header("X-Event-Position"));
        // Unit 2 (index 1, "Xã Thiệu B") leads: its row starts with rank 1.
        assertThat(text).containsPattern("1 Xã Thiệu B \\d");
        assertThat(text).containsPattern("[23] Xã Thiệu A \\d");
        assertFontsEmbedded(r.body());
        assertThat(r.header("Content-Disposition")).contains("bang-xep-hang-" + f.campaignId() + ".pdf");
    }

    @Test
    void theSameTableGivesTheSameBytesUntilTheNextEvent() {
        Fixture f = scoredCampaign();
        Bytes first = pdf(f.campaignPath() + "/league-table.pdf", f.auditor());
        Bytes second = pdf(f.campaignPath() + "/league-table.pdf", f.head());
        assertThat(sha256(second.body())).isEqualTo(sha256(first.body()));
        assertThat(second.header("X-Event-Position")).isEqualTo(first.header("X-Event-Position"));

        assertStatus(api.put(f.reportPath(0, "Y")).as(f.officer(0)).header("Consistency", "wait")
                .json(vn.thidua.web.testsupport.Driver.values(120, true, 40)).send(), 201);
        Bytes later = pdf(f.campaignPath() + "/league-table.pdf", f.auditor());
        assertThat(Long.parseLong(later.header("X-Event-Position")))
                .isGreaterThan(Long.parseLong(first.header("X-Event-Position")));
        assertThat(sha256(later.body())).isNotEqualTo(sha256(first.body()));
        assertThat(text(later.body())).contains("vị trí " + later.header("X-Event-Position"));
    }

    @Test
    void aPastTableIsNamedByItsDayAndStable() {
        Fixture f = scoredCampaign();
        String day = java.time.LocalDate.now(vn.thidua.web.testsupport.Driver.VN).toString();
        Bytes first = pdf(f.campaignPath() + "/league-table.pdf?asOf=" + day, f.auditor());
        Bytes second = pdf(f.campaignPath() + "/league-table.pdf?asOf=" + day, f.auditor());
        assertThat(sha256(second.body())).isEqualTo(sha256(first.body()));
        assertThat(first.header("Content-Disposition")).contains("-den-");
        Bytes bad = api.get(f.campaignPath() + "/league-table.pdf?asOf=31-07-2021").as(f.auditor()).sendForBytes();
        assertThat(bad.status()).as("%s", bad).isEqualTo(400);
    }

    @Test
    void launchLetterListsIndicatorsPeriodsAndMembers() {
        Fixture f = campaign();
        Bytes r = pdf(f.campaignPath() + "/launch-letter.pdf", f.officer(1));
        String text = words(text(r.body()));
        assertThat(text).contains(MOTTO, "Số: …/CTĐ-", "V/v phát động thi đua", "Kính gửi:",
                "Thu ngân sách", "Tỷ lệ hộ nghèo giảm", "Kinh tế", "Xã hội", "Quý I", "Cả năm",
                "Xã Thiệu A", "Xã Thiệu B", "Xã Thiệu C", "TRƯỞNG CỤM", "Nơi nhận:");
        assertThat(text).contains(vn.thidua.web.documents.DocText.date(f.q1Due()),
                vn.thidua.web.documents.DocText.date(f.pledgeDeadline()));
        assertFontsEmbedded(r.body());
        Bytes again = pdf(f.campaignPath() + "/launch-letter.pdf", f.auditor());
        assertThat(sha256(again.body())).isEqualTo(sha256(r.body()));
    }

    @Test
    void documentsOfAnUnknownCampaignAreNotFound() {
        Fixture f = campaign();
        Bytes r = api.get("/api/v1/campaigns/no-such-campaign/league-table.pdf").as(f.auditor()).sendForBytes();
        assertThat(r.status()).as("%s", r).isEqualTo(404);
        r = api.get("/api/v1/campaigns/no-such-campaign/launch-letter.pdf").as(f.auditor()).sendForBytes();
        assertThat(r.status()).as("%s", r).isEqualTo(404);
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
