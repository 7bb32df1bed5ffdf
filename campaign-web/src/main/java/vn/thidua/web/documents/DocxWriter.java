package vn.thidua.web.documents;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The same letter as the PDF (heading, title, sections, recipients and signature), as a Word document officers
 * edit before signing: A4, the margins of Decree 30/2020/NĐ-CP, Times New Roman 13 pt. Its bytes depend only on
 * its content and date: the package's entries and its core properties are dated by the document's event.
 */
@Component
public class DocxWriter {
    private static final String FONT = "Times New Roman";

    public byte[] docx(DocHeading doc, List<Section> sections, Instant dated) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(d);
            XWPFTable heading = borderless(d, 1, 2);
            cell(heading.getRow(0).getCell(0), true, doc.issuerParent(), false, false);
            cell(heading.getRow(0).getCell(0), false, doc.issuer(), true, false);
            cell(heading.getRow(0).getCell(0), false, doc.number(), false, false);
            if (doc.subject() != null) {
                cell(heading.getRow(0).getCell(0), false, doc.subject(), false, false);
            }
            cell(heading.getRow(0).getCell(1), true, DocText.MOTTO, true, false);
            cell(heading.getRow(0).getCell(1), false, DocText.MOTTO_LINE, true, false);
            cell(heading.getRow(0).getCell(1), false, doc.placeDate(), false, true);
            if (doc.kind() != null) {
                text(d, ParagraphAlignment.CENTER, doc.kind(), true, false, 14);
            }
            if (doc.title() != null) {
                text(d, ParagraphAlignment.CENTER, doc.title(), true, false, 13);
            }
            for (int i = 0; i < doc.addressees().size(); i++) {
                text(d, ParagraphAlignment.CENTER, (i == 0 ? "Kính gửi: " : "") + doc.addressees().get(i), false,
                        false, 13);
            }
            for (Section s : sections) {
                if (s.heading() != null) {
                    text(d, ParagraphAlignment.LEFT, s.heading(), true, false, 13);
                }
                for (String p : s.paragraphs()) {
                    XWPFParagraph para = text(d, ParagraphAlignment.BOTH, p, false, false, 13);
                    para.setIndentationFirstLine(567);
                }
                if (s.table() != null) {
                    table(d, s.table());
                }
            }
            XWPFTable closing = borderless(d, 1, 2);
            XWPFTableCell left = closing.getRow(0).getCell(0);
            cell(left, true, "Nơi nhận:", true, true);
            for (String r : doc.recipients()) {
                cell(left, false, "- " + r, false, false);
            }
            XWPFTableCell right = closing.getRow(0).getCell(1);
            boolean first = true;
            if (doc.signFor() != null) {
                cell(right, true, doc.signFor(), true, false);
                first = false;
            }
            for (String t : doc.signTitles()) {
                cell(right, first, t, true, false);
                first = false;
            }
            cell(right, false, "", false, false);
            cell(right, false, "", false, false);
            cell(right, false, "", false, false);
            cell(right, false, doc.signer(), true, false);
            XWPFParagraph footer = text(d, ParagraphAlignment.CENTER, doc.footer(), false, true, 8);
            footer.setSpacingBefore(240);

            var core = d.getProperties().getCoreProperties();
            core.setCreated(Optional.of(Date.from(dated)));
            core.setModified(Optional.of(Date.from(dated)));
            core.setCreator("Thi đua");
            core.setTitle(doc.kind() == null ? doc.subject() : doc.kind() + " " + doc.title());
            d.write(out);
            LocalDateTime local = LocalDateTime.ofInstant(dated, vn.thidua.domain.shared.Deadlines.ZONE);
            return Zips.redate(out.toByteArray(), local);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1134));
        mar.setBottom(BigInteger.valueOf(1134));
        mar.setLeft(BigInteger.valueOf(1701));
        mar.setRight(BigInteger.valueOf(850));
    }

    private static XWPFParagraph text(XWPFDocument d, ParagraphAlignment align, String text, boolean bold,
                                      boolean italic, int size) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(80);
        run(p, text, bold, italic, size);
        return p;
    }

    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text == null ? "" : text);
    }

    private static XWPFTable borderless(XWPFDocument d, int rows, int cols) {
        XWPFTable t = d.createTable(rows, cols);
        t.removeBorders();
        t.setWidth("100%");
        t.setTableAlignment(TableRowAlign.CENTER);
        return t;
    }

    /** A centred line in a cell; {@code first} writes into the cell's own first paragraph. */
    private static void cell(XWPFTableCell cell, boolean first, String text, boolean bold, boolean italic) {
        if (text == null) {
            return;
        }
        XWPFParagraph p = first && cell.getParagraphs().size() == 1 && cell.getParagraphs().get(0).getRuns().isEmpty()
                ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, bold, italic, 12);
    }

    private static void table(XWPFDocument d, Section.Table table) {
        XWPFTable t = d.createTable(table.rows().size() + 1, table.headers().size());
        t.setWidth("100%");
        for (int c = 0; c < table.headers().size(); c++) {
            XWPFParagraph p = t.getRow(0).getCell(c).getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, table.headers().get(c), true, false, 11);
        }
        t.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                XWPFParagraph p = t.getRow(r + 1).getCell(c).getParagraphs().get(0);
                p.setAlignment(table.numeric().get(c) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
                run(p, row.get(c), false, false, 11);
            }
        }
    }
}
