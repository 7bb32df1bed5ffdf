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

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.map;

/**
 * Generated documents through real HTTP: the league table and the launch letter as PDF, their text extracted with
 * PDFBox, the font embedded, the same bytes for the same event position and a new position after a new event.
 */
abstract class DocumentScenarios extends ApiScenarioSupport {
    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    Bytes pdf(String path, vn.thidua.web.testsupport.Api.Creds as) {
        Bytes r = api.get(path).as(as).sendForBytes();
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/pdf");
        assertThat(r.header("X-Event-Position")).as("%s", r).matches("\\d+");
        assertThat(new String(r.body(), 0, 5)).isEqualTo("%PDF-");
        keep(path, r.body());
        return r;
    }

    /** Keeps the last document of each kind under target/documents, to look at. */
    static void keep(String path, byte[] bytes) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "documents");
            java.nio.file.Files.createDirectories(dir);
            String name = path.replaceAll("\\?.*", "").replaceAll(".*/", "");
            java.nio.file.Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    // ------------------------------------------------------------------------------------------ the dossier

    /** A closed campaign with a provincial flag proposed for its leading unit (index 1); answers its id. */
    /** Closed, its table approved by the meeting, and the leader proposed for the provincial flag. */
    String proposedFlag(Fixture f) {
        assertStatus(close(f), 200);
        var r = api.post(f.campaignPath() + "/commendations").as(f.head()).header("Consistency", "wait")
                .json(map("unitCode", f.unit(1), "award", "PROVINCIAL_FLAG",
                        "rationale", "Đơn vị dẫn đầu Cụm thi đua, hoàn thành xuất sắc các chỉ tiêu",
                        "ballot", map("inFavour", 3, "against", 0, "cast", 3))).send();
        assertStatus(r, 201);
        return r.json().path("commendationId").asText();
    }

    static String docxText(byte[] docx) {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return Normalizer.normalize(extractor.getText(), Normalizer.Form.NFC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.List<String> kinds(com.fasterxml.jackson.databind.JsonNode list) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        list.forEach(c -> kinds.add(c.path("kind").asText() + ":" + c.path("mediaType").asText()));
        return kinds;
    }

    @Test
    void aProposalsDossierHasItsLetterAndReportAsPdfAndDocx() {
        Fixture f = scoredCampaign();
        String id = proposedFlag(f);
        var r = api.get("/api/v1/commendations/" + id + "/dossier").as(f.auditor()).send();
        assertStatus(r, 200);
        assertThat(kinds(r.json().path("components"))).containsExactly(
                "PROPOSAL_LETTER:application/pdf", "PROPOSAL_LETTER:" + vn.thidua.web.documents.GeneratedDocument.DOCX,
                "ACHIEVEMENT_REPORT:application/pdf",
                "ACHIEVEMENT_REPORT:" + vn.thidua.web.documents.GeneratedDocument.DOCX,
                "MEETING_MINUTES:application/pdf");
        // Nothing is made up: no decision before conferral, no tally of a ballot this application did not hold.
        assertThat(r.json().path("pending").findValuesAsText("kind"))
                .contains("DECISION", "CERTIFICATE", "BALLOT_TALLY").doesNotContain("MEETING_MINUTES");
        // The minutes of the meeting that approved the table, from its approval event.
        String minutes = words(text(pdf("/api/v1/commendations/" + id + "/documents/" + r.json().path("components")
                .get(4).path("fileName").asText(), f.auditor()).body()));
        assertThat(minutes).contains(MOTTO, "BIÊN BẢN", "BẢNG XẾP HẠNG ĐƯỢC THÔNG QUA", "Xã Thiệu B",
                "Hội nghị cụm thống nhất bảng xếp hạng");
        String letterHref = r.json().path("components").get(0).path("href").asText();
        assertThat(letterHref).isEqualTo("/api/v1/commendations/" + id + "/documents/to-trinh.pdf");

        String letter = words(text(pdf(letterHref, f.auditor()).body()));
        assertThat(letter).contains(MOTTO, "TỜ TRÌNH", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Xã Thiệu B",
                "xếp thứ 1/3", "3/3 phiếu tán thành", "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa",
                "Đơn vị dẫn đầu Cụm thi đua, hoàn thành xuất sắc các chỉ tiêu", "TRƯỞNG CỤM", "Nơi nhận:");
        String report = words(text(pdf("/api/v1/commendations/" + id + "/documents/bao-cao-thanh-tich.pdf",
                f.auditor()).body()));
        assertThat(report).contains(MOTTO, "BÁO CÁO THÀNH TÍCH", "ỦY BAN NHÂN DÂN XÃ THIỆU B", "Thu ngân sách",
                "Tỷ lệ hộ nghèo giảm", "Chỉ tiêu đăng ký", "Giá trị thẩm định", "150", "xếp thứ 1/3",
                "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");

        var docx = api.get("/api/v1/commendations/" + id + "/documents/to-trinh.docx").as(f.head()).sendForBytes();
        assertThat(docx.status()).as("%s", docx).isEqualTo(200);
        assertThat(docx.header("Content-Type")).startsWith(vn.thidua.web.documents.GeneratedDocument.DOCX);
        String docxLetter = words(docxText(docx.body()));
        assertThat(docxLetter).contains(MOTTO, "TỜ TRÌNH", "Xã Thiệu B", "xếp thứ 1/3", "Nơi nhận:");
        var docxReport = api.get("/api/v1/commendations/" + id + "/documents/bao-cao-thanh-tich.docx").as(f.head())
                .sendForBytes();
        assertThat(words(docxText(docxReport.body()))).contains("BÁO CÁO THÀNH TÍCH", "Thu ngân sách", "150");
        var again = api.get("/api/v1/commendations/" + id + "/documents/to-trinh.docx").as(f.head()).sendForBytes();
        assertThat(sha256(again.body())).isEqualTo(sha256(docx.body()));

        var decision = api.get("/api/v1/commendations/" + id + "/documents/quyet-dinh.pdf").as(f.auditor())
                .sendForBytes();
        assertThat(decision.status()).as("%s", decision).isEqualTo(404);
        var unknown = api.get("/api/v1/commendations/" + id + "/documents/nothing.pdf").as(f.auditor())
                .sendForBytes();
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
    }

    @Test
    void afterConferralTheDossierHasTheDecisionAndTheCertificateAndZipsTheSameTwice() throws IOException {
        Fixture f = scoredCampaign();
        String id = proposedFlag(f);
        String before = pdf("/api/v1/commendations/" + id + "/documents/to-trinh.pdf", f.auditor())
                .header("X-Event-Position");
        assertStatus(api.post("/api/v1/commendations/" + id + "/approval").as(f.board()).header("Consistency", "wait")
                .json(map("comment", "Thống nhất")).send(), 200);
        String today = java.time.LocalDate.now(vn.thidua.web.testsupport.Driver.VN).toString();
        assertStatus(api.post("/api/v1/commendations/" + id + "/conferral").as(f.board()).header("Consistency", "wait")
                .json(map("decisionNo", "1234/QĐ-UBND", "decisionDate", today)).send(), 200);

        var r = api.get("/api/v1/commendations/" + id + "/dossier").as(f.auditor()).send();
        assertThat(kinds(r.json().path("components"))).contains("DECISION:application/pdf",
                "CERTIFICATE:application/pdf");
        var decision = pdf("/api/v1/commendations/" + id + "/documents/quyet-dinh.pdf", f.auditor());
        assertThat(Long.parseLong(decision.header("X-Event-Position"))).isGreaterThan(Long.parseLong(before));
        String day = vn.thidua.web.documents.DocText.placeDate("Thanh Hóa", java.time.LocalDate.parse(today));
        assertThat(words(text(decision.body()))).contains(MOTTO, "QUYẾT ĐỊNH", "Số: 1234/QĐ-UBND", day,
                "Điều 1. Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho Xã Thiệu B", "CHỦ TỊCH");
        var certificate = pdf("/api/v1/commendations/" + id + "/documents/bang-khen.pdf", f.auditor());
        assertThat(words(text(certificate.body()))).contains(MOTTO, "CỜ THI ĐUA", "Ủy ban nhân dân Xã Thiệu B",
                "Quyết định số 1234/QĐ-UBND");
        assertFontsEmbedded(certificate.body());

        var zip = api.get("/api/v1/commendations/" + id + "/dossier.zip").as(f.auditor()).sendForBytes();
        assertThat(zip.status()).as("%s", zip).isEqualTo(200);
        keep("dossier.zip", zip.body());
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                keep(e.getName(), in.readAllBytes());
            }
        }
        assertThat(names).containsExactly("01-to-trinh.pdf", "01-to-trinh.docx", "02-bao-cao-thanh-tich.pdf",
                "02-bao-cao-thanh-tich.docx", "03-bien-ban-hop.pdf", "04-quyet-dinh.pdf", "05-bang-khen.pdf");
        var again = api.get("/api/v1/commendations/" + id + "/dossier.zip").as(f.head()).sendForBytes();
        assertThat(sha256(again.body())).isEqualTo(sha256(zip.body()));
        assertThat(again.header("X-Event-Position")).isEqualTo(decision.header("X-Event-Position"));
    }

    @Test
    void theDossierPageListsEachComponentWithItsStatusAndTheDashboardOffersThePdf() throws Exception {
        Fixture f = scoredCampaign();
        String id = proposedFlag(f);
        var client = signedIn(f.auditor());
        String commendations = inSession(client, f.campaignPath().replace("/api/v1", "") + "/commendations",
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(commendations).contains("href=\"/commendations/" + id + "/dossier\"");
        String page = inSession(client, "/commendations/" + id + "/dossier",
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Hồ sơ khen thưởng", "Tờ trình đề nghị khen thưởng", "Báo cáo thành tích",
                "href=\"/commendations/" + id + "/documents/to-trinh.pdf\"",
                "href=\"/commendations/" + id + "/documents/to-trinh.docx\"",
                "href=\"/commendations/" + id + "/dossier.zip\"", "Sẵn sàng", "Chưa có",
                "Chưa có quyết định khen thưởng", "Biên bản kiểm phiếu");
        var letter = inSession(client, "/commendations/" + id + "/documents/to-trinh.pdf",
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(words(text(letter.body()))).contains("TỜ TRÌNH", "Xã Thiệu B");

        String dashboard = inSession(client, f.campaignPath().replace("/api/v1", ""),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String campaignPage = f.campaignPath().replace("/api/v1", "");
        assertThat(dashboard).contains("href=\"" + campaignPage + "/league-table.pdf\"",
                "href=\"" + campaignPage + "/launch-letter.pdf\"");
        var table = inSession(client, campaignPage + "/league-table.pdf",
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(table.headers().firstValue("X-Event-Position")).isPresent();
        assertThat(words(text(table.body()))).contains(MOTTO, "Xã Thiệu B");
    }

    @Test
    void anUnknownCommendationHasNoDossier() {
        Fixture f = campaign();
        assertStatus(api.get("/api/v1/commendations/no-such/dossier").as(f.auditor()).send(), 404);
    }
}
