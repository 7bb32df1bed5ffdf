package vn.thidua.web.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses oversized JSON bodies (413) before they are read (Excel uploads have their own multipart limit), and
 * request targets (path and query) longer than {@code thidua.max-target-chars} (414): problem+json under /api/, the
 * HTML error page elsewhere. Tomcat reads request lines and headers up to {@code server.max-http-request-header-size}
 * (32 KB), so such requests reach this filter instead of Tomcat's own refusal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final int maxTargetChars;

    public BodySizeLimitFilter(@Value("${thidua.max-body-bytes:1048576}") long maxBytes,
                               @Value("${thidua.max-target-chars:4096}") int maxTargetChars) {
        this.maxBytes = maxBytes;
        this.maxTargetChars = maxTargetChars;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1) > maxTargetChars) {
            // No path or parameter of this product is that long: refused before anything reads it.
            if (request.getRequestURI().startsWith("/api/")) {
                response.setStatus(414);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"https://thidua.vn/problems/too-large\",\"title\":\"URI too long\","
                        + "\"status\":414,\"detail\":\"the request's path and parameters exceed " + maxTargetChars
                        + " characters\"}");
            } else {
                response.sendError(414);
            }
            return;
        }
        boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (!multipart && length > maxBytes && !request.getRequestURI().startsWith("/api/")) {
            // A page: the HTML error page (config.ErrorPages), never JSON.
            response.sendError(413);
            return;
        }
        if (!multipart && (length > maxBytes || chunked && request.getRequestURI().startsWith("/api/"))) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"https://thidua.vn/problems/too-large\",\"title\":\"Payload too large\","
                    + "\"status\":413,\"detail\":\"the request body exceeds " + maxBytes + " bytes"
                    + (chunked ? " or has no declared length" : "") + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
