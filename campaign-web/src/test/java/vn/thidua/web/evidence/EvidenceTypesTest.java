package vn.thidua.web.evidence;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.web.it.EvidenceFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The media type from the bytes alone, and the file name made safe. */
class EvidenceTypesTest {
    private final EvidenceTypes types = new EvidenceTypes();
    @TempDir
    Path dir;

    private String detect(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "f", ".bin");
        Files.write(file, bytes);
        return types.detect(file);
    }

    private void refused(byte[] bytes, String code) {
        assertThatThrownBy(() -> detect(bytes)).isInstanceOfSatisfying(EvidenceRefused.class, e -> {
            assertThat(e.kind()).isEqualTo(EvidenceRefused.Kind.UNSUPPORTED_TYPE);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void theAcceptedTypesAreToldFromTheirBytes() throws IOException {
        assertThat(detect(EvidenceFiles.pdf())).isEqualTo(EvidenceTypes.PDF);
        assertThat(detect(EvidenceFiles.png())).isEqualTo(EvidenceTypes.PNG);
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        assertThat(detect(jpeg.toByteArray())).isEqualTo(EvidenceTypes.JPEG);
        assertThat(detect(EvidenceFiles.docx())).isEqualTo(EvidenceTypes.DOCX);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Số liệu").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
            assertThat(detect(out.toByteArray())).isEqualTo(EvidenceTypes.XLSX);
        }
        assertThat(detect(odf(EvidenceTypes.ODT))).isEqualTo(EvidenceTypes.ODT);
        assertThat(detect(odf(EvidenceTypes.ODS))).isEqualTo(EvidenceTypes.ODS);
    }

    @Test
    void anythingElseIsRefusedWhateverItIsCalled() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        refused(elf, "evidence-unsupported-type");
        refused(new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "evidence-unsupported-type");
        refused("<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8), "evidence-unsupported-type");
        refused("%!PS-Adobe-3.0\n".getBytes(StandardCharsets.UTF_8), "evidence-unsupported-type");
        refused(EvidenceFiles.zip(Map.of("a.txt", new byte[]{1})), "evidence-unsupported-type");
        refused(odf("application/vnd.oasis.opendocument.presentation"), "evidence-unsupported-type");
        refused(EvidenceFiles.zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8))),
                "evidence-unsupported-type");
        refused(new byte[]{'P', 'K', 3, 4, 0, 0}, "evidence-unsupported-type");
    }

    @Test
    void aZipBombIsRefusedWithoutBeingExpanded() {
        refused(EvidenceFiles.zipBomb(), "evidence-zip-bomb");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= EvidenceTypes.MAX_ENTRIES; i++) {
            many.put("e" + i, new byte[0]);
        }
        refused(EvidenceFiles.zip(many), "evidence-zip-bomb");
    }

    @Test
    void fileNamesLoseTheirPathAndControlsAreComposedAndCapped() {
        assertThat(EvidenceFileNames.clean("C:\\fakepath\\Biên bản.pdf")).isEqualTo("Biên bản.pdf");
        assertThat(EvidenceFileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        String nfd = Normalizer.normalize("Ảnh hiện trường.png", Normalizer.Form.NFD);
        assertThat(EvidenceFileNames.clean(nfd)).isEqualTo("Ảnh hiện trường.png")
                .isEqualTo(Normalizer.normalize("Ảnh hiện trường.png", Normalizer.Form.NFC));
        assertThat(EvidenceFileNames.clean("bao\u0000cao\r\n\u202Efdp.exe")).isEqualTo("baocaofdp.exe");
        assertThat(EvidenceFileNames.clean("   ")).isEqualTo(EvidenceFileNames.FALLBACK);
        assertThat(EvidenceFileNames.clean(null)).isEqualTo(EvidenceFileNames.FALLBACK);
        assertThat(EvidenceFileNames.clean(".hidden")).isEqualTo("hidden");
        String capped = EvidenceFileNames.clean("ồ".repeat(500) + ".pdf");
        assertThat(capped.codePointCount(0, capped.length())).isEqualTo(EvidenceFileNames.MAX_CHARS);
        assertThat(capped).endsWith(".pdf");
    }

    /** An OpenDocument file's start: its {@code mimetype} entry first, stored. */
    private static byte[] odf(String mimetype) {
        return EvidenceFiles.zip(Map.of("mimetype", mimetype.getBytes(StandardCharsets.US_ASCII),
                "content.xml", "<office:document-content/>".getBytes(StandardCharsets.UTF_8)));
    }
}
