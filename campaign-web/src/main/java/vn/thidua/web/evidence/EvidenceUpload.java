package vn.thidua.web.evidence;

import vn.thidua.domain.shared.InvalidValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * An uploaded file spooled to a temporary file while it is hashed (SHA-256) and counted, never held whole in
 * memory, then typed from its bytes ({@link EvidenceTypes}). Closing it deletes the temporary file.
 */
public final class EvidenceUpload implements AutoCloseable {
    private final Path file;
    private final String sha256;
    private final long size;
    private final String fileName;
    private final String mediaType;

    private EvidenceUpload(Path file, String sha256, long size, String fileName, String mediaType) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    /**
     * Reads {@code content} to its end into a temporary file, at most {@code maxBytes} of it ({@link EvidenceRefused}
     * {@code TOO_LARGE} beyond), refuses an empty file (400, field {@code file}) and a type not accepted (415).
     */
    public static EvidenceUpload spool(InputStream content, String originalName, long maxBytes, EvidenceTypes types) {
        Path file;
        try {
            file = Files.createTempFile("evidence-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest digest = JdbcEvidenceContent.sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = content.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new EvidenceRefused(EvidenceRefused.Kind.TOO_LARGE, "evidence-too-large",
                                "the file is larger than " + maxBytes + " bytes");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new InvalidValue("file", "evidence-empty", "the file is empty");
            }
            String mediaType = types.detect(file);
            return new EvidenceUpload(file, HexFormat.of().formatHex(digest.digest()), size,
                    EvidenceFileNames.clean(originalName), mediaType);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot read the uploaded file", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file: the system's cleanup takes it
        }
    }
}
