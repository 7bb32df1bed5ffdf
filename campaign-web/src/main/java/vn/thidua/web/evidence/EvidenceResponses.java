package vn.thidua.web.evidence;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.thidua.query.evidence.EvidenceRow;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A file's download, the same for the API and the pages: exactly the stored bytes, streamed, with the detected
 * type, always as an attachment (RFC 6266 / RFC 5987: the UTF-8 name in {@code filename*}, an ASCII fallback in
 * {@code filename}), {@code ETag: "<sha256>"}, {@code X-Content-Type-Options: nosniff} and a sandboxing
 * {@code Content-Security-Policy}, so a browser never renders one inline as a page.
 */
public final class EvidenceResponses {
    private EvidenceResponses() {
    }

    public static ResponseEntity<Resource> download(EvidenceRow row, InputStream bytes, String ifNoneMatch) {
        String etag = "\"" + row.sha256() + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(row.mediaType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(row.fileName(), StandardCharsets.UTF_8).build());
        headers.setETag(etag);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.setCacheControl("private, max-age=0, must-revalidate");
        if (etag.equals(ifNoneMatch)) {
            try {
                bytes.close();
            } catch (java.io.IOException ignored) {
                // nothing was read
            }
            return ResponseEntity.status(304).headers(headers).build();
        }
        headers.setContentLength(row.size());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(bytes) {
            @Override
            public long contentLength() {
                return row.size();
            }
        });
    }
}
