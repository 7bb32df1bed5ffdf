package vn.thidua.web.evidence;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thidua.query.support.DatabaseKind;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Evidence bytes in the database's {@code evidence_content} table, one row per SHA-256: {@code bytea} on PostgreSQL,
 * a BLOB on H2. Written through {@code setBinaryStream} with the length (the driver streams it), inside the caller's
 * transaction (JdbcTemplate joins it). Read without holding a whole file in memory: on PostgreSQL, whose driver
 * reads a {@code bytea} value whole, in slices of {@code thidua.evidence.read-slice-bytes} (1 MiB) ({@code substring}); on H2 through the BLOB's
 * own stream on a connection held until the stream is closed.
 */
@Component
public class JdbcEvidenceContent implements EvidenceContent {
    private final int slice;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final DatabaseKind database;
    private final Clock clock;

    public JdbcEvidenceContent(JdbcTemplate jdbc, Clock clock,
                               @Value("${thidua.evidence.read-slice-bytes:1048576}") int slice) {
        this.slice = slice;
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.database = new DatabaseKind(jdbc);
        this.clock = clock;
    }

    @Override
    public boolean store(String sha256, long size, InputStream content) {
        if (contains(sha256)) {
            return false;
        }
        MessageDigest digest = sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(content, digest));
        String sql = "INSERT INTO evidence_content (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)"
                // Two uploads of the same new bytes at once: the second stores nothing (PostgreSQL would abort the
                // whole transaction on a duplicate key; H2's duplicate is caught below).
                + (database.isPostgres() ? " ON CONFLICT (sha256) DO NOTHING" : "");
        int rows;
        try {
            rows = jdbc.update(sql, ps -> {
                ps.setString(1, sha256);
                ps.setLong(2, size);
                ps.setBinaryStream(3, counted, size);
                ps.setString(4, clock.instant().toString());
            });
        } catch (DuplicateKeyException raced) {
            return false;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (counted.count != size || !actual.equals(sha256)) {
            // Thrown inside the caller's transaction: the row just written goes with it.
            throw new IllegalStateException("the stored bytes (" + counted.count + " bytes, SHA-256 " + actual
                    + ") are not the declared " + size + " bytes of SHA-256 " + sha256);
        }
        return rows == 1;
    }

    @Override
    public boolean contains(String sha256) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_content WHERE sha256 = ?", Integer.class,
                sha256);
        return n != null && n > 0;
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        List<Long> size = jdbc.queryForList("SELECT size FROM evidence_content WHERE sha256 = ?", Long.class, sha256);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(database.isPostgres() ? new SlicedStream(sha256, size.get(0)) : blobStream(sha256));
    }

    /** H2: the BLOB's stream, on a connection of its own that closing the stream gives back. */
    private InputStream blobStream(String sha256) {
        try {
            Connection c = dataSource.getConnection();
            try {
                PreparedStatement ps = c.prepareStatement("SELECT content FROM evidence_content WHERE sha256 = ?");
                ps.setString(1, sha256);
                ResultSet rs = ps.executeQuery();
                if (!rs.next()) {
                    throw new IllegalStateException("evidence content " + sha256 + " vanished");
                }
                InputStream blob = rs.getBinaryStream(1);
                return new java.io.FilterInputStream(blob) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            try {
                                c.close();
                            } catch (SQLException e) {
                                throw new IOException(e);
                            }
                        }
                    }
                };
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read evidence content " + sha256, e);
        }
    }

    /** PostgreSQL: the value read slice by slice, each slice one query, so at most one slice is in memory. */
    private final class SlicedStream extends InputStream {
        private final String sha256;
        private final long size;
        private long offset;
        private byte[] current = new byte[0];
        private int at;

        SlicedStream(String sha256, long size) {
            this.sha256 = sha256;
            this.size = size;
        }

        private boolean fill() {
            if (at < current.length) {
                return true;
            }
            if (offset >= size) {
                return false;
            }
            int length = (int) Math.min(JdbcEvidenceContent.this.slice, size - offset);
            // substring counts from 1
            current = jdbc.queryForObject("SELECT substring(content FROM CAST(? AS INTEGER) FOR CAST(? AS INTEGER))"
                    + " FROM evidence_content WHERE sha256 = ?", byte[].class, Math.toIntExact(offset + 1), length, sha256);
            if (current == null || current.length == 0) {
                throw new UncheckedIOException(new IOException("evidence content " + sha256 + " ends early"));
            }
            offset += current.length;
            at = 0;
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
