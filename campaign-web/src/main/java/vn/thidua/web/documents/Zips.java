package vn.thidua.web.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip files whose bytes depend only on their entries: every entry dated by the given local time (DOS time, no
 * extended timestamps), in the given order. A DOCX is a zip, so it is rewritten the same way.
 */
final class Zips {
    private Zips() {
    }

    record Entry(String name, byte[] bytes) {
    }

    static byte[] zip(List<Entry> entries, LocalDateTime dated) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                ZipEntry entry = new ZipEntry(e.name());
                entry.setTimeLocal(dated);
                zip.putNextEntry(entry);
                zip.write(e.bytes());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same entries, in the same order, re-dated. */
    static byte[] redate(byte[] zipBytes, LocalDateTime dated) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            List<Entry> entries = new java.util.ArrayList<>();
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(new Entry(e.getName(), in.readAllBytes()));
            }
            return zip(entries, dated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
