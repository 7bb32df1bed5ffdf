package vn.thidua.web.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders a Thymeleaf template under {@code templates/documents/} with the pages' own template engine, then the
 * HTML/CSS to PDF with openhtmltopdf (PDFBox underneath), with DejaVu Serif (shipped in the jar under
 * {@code fonts/}, licence beside it) embedded as a subset: the text stays real, extractable Vietnamese.
 * <p>
 * The same document at the same event position gives the same bytes: the creation and modification dates are
 * the document's own date (the instant of the event it was generated at), and the document ID is a digest of its
 * HTML, which carries the position. Nothing depends on the clock.
 */
@Component
public class PdfRenderer {
    static final String FAMILY = "DejaVu Serif";
    static final String PRODUCER = "Thi đua (openhtmltopdf, PDFBox)";

    private final ITemplateEngine templates;

    public PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The template's HTML, for the PDF and for tests. */
    public String html(String template, Map<String, Object> model) {
        return templates.process("documents/" + template, new Context(Locale.forLanguageTag("vi"), model));
    }

    public byte[] pdf(String template, Map<String, Object> model, String title, java.time.Instant dated) {
        String html = html(template, model);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("fonts/DejaVuSerif.ttf"), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("fonts/DejaVuSerif-Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.withProducer(PRODUCER);
            builder.toStream(out);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                PDDocument doc = renderer.getPdfDocument();
                settle(doc, html, title, dated);
                doc.save(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render document " + template, e);
        }
    }

    /** Fixes everything PDFBox would otherwise take from the clock or chance. */
    private static void settle(PDDocument doc, String html, String title, java.time.Instant dated) {
        PDDocumentInformation info = doc.getDocumentInformation();
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"), Locale.ROOT);
        at.setTimeInMillis(dated.toEpochMilli());
        info.setCreationDate(at);
        info.setModificationDate(at);
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        byte[] id = Arrays.copyOf(sha256(html.getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream font(String path) {
        InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("font " + path + " is not on the class path");
        }
        return in;
    }
}
