package vn.thidua.web.evidence;

import org.apache.tika.Tika;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The media type of an evidence file, detected from its bytes alone (never its name or the request's header):
 * Apache Tika's core detector (magic bytes) tells PDF, JPEG and PNG; a zip container is opened here, with bounded
 * parsing, to tell DOCX and XLSX (their {@code [Content_Types].xml}) from ODT and ODS (their {@code mimetype}
 * entry). Anything else, a plain zip included, is refused as {@code UNSUPPORTED_TYPE}; so is a zip that looks like
 * a bomb: too many entries, a huge declared size, or a compression ratio no office document has.
 */
public final class EvidenceTypes {
    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    public static final Set<String> ACCEPTED = Set.of(PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS);

    /** Entries a zip may have (a large workbook has a few hundred). */
    static final int MAX_ENTRIES = 5_000;
    /** The declared uncompressed size of all entries together, and of one. */
    static final long MAX_UNCOMPRESSED = 512L * 1024 * 1024;
    /** Declared uncompressed size over compressed size, over the whole zip (office documents: well under 30). */
    static final long MAX_RATIO = 100;
    /** At most this many bytes of the one entry read ({@code [Content_Types].xml} or {@code mimetype}). */
    static final int MAX_MANIFEST_BYTES = 64 * 1024;

    private static final Map<String, String> OOXML_MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", DOCX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", XLSX);

    private final Tika tika = new Tika();

    /** The accepted media type of the file's bytes, or {@link EvidenceRefused} naming why it is not accepted. */
    public String detect(Path file) {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded file", e);
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return zipType(file);
        }
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // No name in the metadata: magic bytes only.
            detected = tika.detect(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded file", e);
        }
        if (PDF.equals(detected) || JPEG.equals(detected) || PNG.equals(detected)) {
            return detected;
        }
        throw unsupported("evidence-unsupported-type", "the file's content is " + detected
                + "; accepted are PDF, JPEG, PNG, DOCX, XLSX, ODT and ODS");
    }

    private static String zipType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            int entries = 0;
            long declared = 0;
            long compressed = 0;
            ZipEntry contentTypes = null;
            ZipEntry mimetype = null;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw bomb("more than " + MAX_ENTRIES + " entries");
                }
                long size = e.getSize();
                if (size < 0 || size > MAX_UNCOMPRESSED) {
                    throw bomb("entry " + e.getName() + " declares " + size + " bytes uncompressed");
                }
                declared += size;
                compressed += Math.max(0, e.getCompressedSize());
                if (declared > MAX_UNCOMPRESSED) {
                    throw bomb("its entries declare more than " + MAX_UNCOMPRESSED + " bytes uncompressed");
                }
                if ("[Content_Types].xml".equals(e.getName())) {
                    contentTypes = e;
                } else if ("mimetype".equals(e.getName())) {
                    mimetype = e;
                }
            }
            if (declared > MAX_RATIO * Math.max(compressed, 1) && declared > 1024 * 1024) {
                throw bomb("it expands " + declared / Math.max(compressed, 1) + " times");
            }
            if (contentTypes != null) {
                String xml = read(zip, contentTypes);
                for (Map.Entry<String, String> part : OOXML_MAIN_PARTS.entrySet()) {
                    if (xml.contains("ContentType=\"" + part.getKey() + "\"")) {
                        return part.getValue();
                    }
                }
            } else if (mimetype != null) {
                String type = read(zip, mimetype).strip();
                if (ODT.equals(type) || ODS.equals(type)) {
                    return type;
                }
            }
            throw unsupported("evidence-unsupported-type",
                    "the file is a zip archive but not a DOCX, XLSX, ODT or ODS document");
        } catch (ZipException e) {
            throw unsupported("evidence-unsupported-type", "the file looks like a zip archive but cannot be read as one");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded file", e);
        }
    }

    /** One entry's bytes, at most {@link #MAX_MANIFEST_BYTES} of them, whatever the entry declares. */
    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw bomb("its entry " + entry.getName() + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static EvidenceRefused bomb(String why) {
        return unsupported("evidence-zip-bomb", "the file is a zip archive no office document would be: " + why);
    }

    private static EvidenceRefused unsupported(String code, String message) {
        return new EvidenceRefused(EvidenceRefused.Kind.UNSUPPORTED_TYPE, code, message);
    }
}
