package vn.thidua.web.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer on the application's own document templates, without the application: every Vietnamese glyph
 * comes out as text in the embedded DejaVu Serif, and the bytes depend on the content and the date alone.
 */
class PdfRendererTest {
    private static final String HARD = "Cầu Ngẫu Hợp Lực Mỹ Đức ầ ẫ ợ ự ỹ Đ Thọ Xuân Thiệu Hóa Nông Cống";
    private final PdfRenderer renderer = new PdfRenderer(engine());

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static Map<String, Object> letter(long position) {
        DocHeading doc = new DocHeading("UBND TỈNH THANH HÓA", "CỤM THI ĐUA SỐ II", "Số: …/TTr-CTĐ", null,
                DocText.placeDate("Thanh Hóa", LocalDate.of(2022, 1, 5)), "TỜ TRÌNH", "Về việc đề nghị khen thưởng",
                List.of("Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa"), List.of("Như trên;", "Lưu VT."), null,
                List.of("TRƯỞNG CỤM"), "Vũ Đức Kính", Documents.footer("Tờ trình", position,
                Instant.parse("2022-01-05T02:00:00Z")));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(String.valueOf(i), HARD, "1.234,5"));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("doc", doc);
        model.put("sections", List.of(Section.of("I. MỞ ĐẦU", HARD),
                new Section("II. BẢNG", List.of(), new Section.Table(List.of("TT", "Chỉ tiêu", "Giá trị"), rows,
                        List.of(false, false, true)))));
        return model;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyVietnameseGlyphIsRealTextInTheEmbeddedFont() throws IOException {
        Instant at = Instant.parse("2022-01-05T02:00:00Z");
        byte[] pdf = renderer.pdf("letter", letter(42), "Tờ trình", at);
        String text = text(pdf);
        assertThat(text).contains(DocText.MOTTO, DocText.MOTTO_LINE, HARD, "Thanh Hóa, ngày 05 tháng 01 năm 2022",
                "TỜ TRÌNH", "Nơi nhận:", "TRƯỞNG CỤM", "Vũ Đức Kính", "vị trí 42");
        assertThat(text).doesNotContain("#");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("60 rows need a second page").isGreaterThan(1);
            var second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(doc).strip()).as("the second page is numbered at its top").startsWith("2");
            var first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            assertThat(first.getText(doc).strip()).as("the first page is not numbered").doesNotStartWith("1");
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSerif");
                }
            }
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(at);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Tờ trình");
        }
    }

    @Test
    void theSameContentAndDateGiveTheSameBytesAndAnotherPositionOthers() throws Exception {
        Instant at = Instant.parse("2022-01-05T02:00:00Z");
        byte[] first = renderer.pdf("letter", letter(42), "Tờ trình", at);
        byte[] second = renderer.pdf("letter", letter(42), "Tờ trình", at);
        assertThat(sha256(second)).isEqualTo(sha256(first));
        // Kept to compare across runs (a fresh JVM gives the same bytes: nothing comes from the clock or a seed).
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "renderer-letter.pdf"), first);
        byte[] later = renderer.pdf("letter", letter(43), "Tờ trình", at);
        assertThat(sha256(later)).isNotEqualTo(sha256(first));
    }

    @Test
    void theDateOfADocumentFollowsDecree30() {
        assertThat(DocText.placeDate("Thanh Hóa", LocalDate.of(2021, 4, 5)))
                .isEqualTo("Thanh Hóa, ngày 05 tháng 4 năm 2021");
        assertThat(DocText.placeDate("Triệu Sơn", LocalDate.of(2021, 2, 15)))
                .isEqualTo("Triệu Sơn, ngày 15 tháng 02 năm 2021");
        assertThat(DocText.placeDate("Hà Nội", LocalDate.of(2021, 12, 31)))
                .isEqualTo("Hà Nội, ngày 31 tháng 12 năm 2021");
        assertThat(DocText.number(new java.math.BigDecimal("1234.567"))).isEqualTo("1.234,57");
        assertThat(Documents.abbreviation("Triệu Sơn")).isEqualTo("TS");
        assertThat(DocText.unitWithKind(new vn.thidua.domain.shared.UnitRef("TS", "Triệu Sơn", "DISTRICT")))
                .isEqualTo("huyện Triệu Sơn");
        assertThat(DocText.unitWithKind(new vn.thidua.domain.shared.UnitRef("A", "Xã Thiệu A", "COMMUNE")))
                .isEqualTo("Xã Thiệu A");
    }

    @Test
    void theFontAndItsLicenceShipInTheJar() {
        ClassLoader cl = getClass().getClassLoader();
        assertThat(cl.getResource("fonts/DejaVuSerif.ttf")).isNotNull();
        assertThat(cl.getResource("fonts/DejaVuSerif-Bold.ttf")).isNotNull();
        assertThat(cl.getResource("fonts/DejaVu-LICENSE.txt")).isNotNull();
    }
}
