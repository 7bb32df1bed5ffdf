package vn.thidua.web.evidence;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where evidence bytes live: stored once per SHA-256 (content-addressed), read back as a stream. One small
 * interface, so that an object store can take the database's place later ({@link JdbcEvidenceContent} is the
 * default: the bytes in the application's own database, inside the transaction that records their event).
 */
public interface EvidenceContent {

    /**
     * Stores {@code size} bytes read from {@code content} under {@code sha256}, unless bytes with that hash are
     * already stored (then nothing is read). The bytes read are hashed again as they are stored: content that does
     * not match its hash or size is refused ({@link IllegalStateException}) and nothing is kept. Answers whether
     * new bytes were stored.
     */
    boolean store(String sha256, long size, InputStream content);

    /** Whether bytes with this hash are stored. */
    boolean contains(String sha256);

    /** The stored bytes, streamed (the caller closes the stream), or empty when none have this hash. */
    Optional<InputStream> open(String sha256);
}
