package vn.thidua.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one link of the event chain: SHA-256 over the previous link's hash and every stored column of the
 * event (position, identifier, aggregate type, stream, sequence, timestamp, payload type and revision, payload and
 * metadata bytes), each field length-prefixed so no two different rows encode alike. Hex, lower case.
 */
public final class ChainHash {
    /** The "previous hash" of the first link. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    public static String of(String previous, RawEvent e) {
        MessageDigest sha = sha256();
        sha.update(VERSION);
        bytes(sha, HEX.parseHex(previous));
        number(sha, e.position());
        text(sha, e.eventIdentifier());
        text(sha, e.aggregateType());
        text(sha, e.aggregateIdentifier());
        number(sha, e.sequenceNumber());
        text(sha, e.timeStamp());
        text(sha, e.payloadType());
        text(sha, e.payloadRevision());
        bytes(sha, e.payload());
        bytes(sha, e.metaData());
        return HEX.formatHex(sha.digest());
    }

    private static void text(MessageDigest sha, String value) {
        bytes(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha, byte[] value) {
        if (value == null) {
            number(sha, -1);
            return;
        }
        number(sha, value.length);
        sha.update(value);
    }

    private static void number(MessageDigest sha, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (value >>> shift));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
