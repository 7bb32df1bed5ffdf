package vn.thidua.web.seed;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

/**
 * The demo's evidence PDFs, one A4 page each, made with PDFBox at seed time: in Vietnamese with a system font that
 * has its letters (DejaVu Sans or Liberation Sans, when installed), else without diacritics in Helvetica.
 */
final class SeedPdfs {
    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"));

    private SeedPdfs() {
    }

    static byte[] pdf(String title, List<String> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Path fontFile = FONTS.stream().filter(Files::isReadable).findFirst().orElse(null);
            PDFont font = fontFile == null ? new PDType1Font(Standard14Fonts.FontName.HELVETICA)
                    : PDType0Font.load(doc, fontFile.toFile());
            boolean unicode = fontFile != null;
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("Thi đua (dữ liệu minh họa)");
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(font, 14);
                text.newLineAtOffset(60, 770);
                text.showText(shown(title, unicode));
                text.setFont(font, 11);
                for (String line : lines) {
                    text.newLineAtOffset(0, -20);
                    text.showText(shown(line, unicode));
                }
                text.newLineAtOffset(0, -30);
                text.showText(shown("Tài liệu minh họa của bản trình diễn, không phải văn bản thật.", unicode));
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as the font can show it: whole with a Unicode font, else its letters without diacritics. */
    private static String shown(String text, boolean unicode) {
        if (unicode) {
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
