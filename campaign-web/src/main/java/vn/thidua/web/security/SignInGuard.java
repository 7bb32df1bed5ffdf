package vn.thidua.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Puts the {@link SignInThrottle} in front of both ways to sign in. As a filter placed before the authentication
 * filter of a chain, it answers 429 with {@code Retry-After} to an attempt whose user name or address is throttled,
 * so that no password is checked; the chains' failure handlers call {@link #failed} to count and record a refusal.
 */
public class SignInGuard {
    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

    /** Writes the 429 answer of one channel (problem+json on the API, the login page on the form). */
    public interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
                throws IOException, ServletException;
    }

    private final SignInThrottle throttle;
    private final SignInEvents events;

    public SignInGuard(SignInThrottle throttle, SignInEvents events) {
        this.throttle = throttle;
        this.events = events;
    }

    /** Counts a refused sign-in and records it, with the lockout it began, if any. */
    public void failed(HttpServletRequest request, String username, SignInEvents.Channel channel, String why) {
        String address = request.getRemoteAddr();
        Set<SignInThrottle.Scope> emptied = throttle.failed(username, address);
        try {
            events.record(username, address, channel, SignInEvents.Outcome.FAILURE, why);
            for (SignInThrottle.Scope scope : emptied) {
                events.record(username, address, channel, SignInEvents.Outcome.LOCKOUT,
                        scope == SignInThrottle.Scope.USER ? "user name throttled" : "client address throttled");
                log.warn("sign-in lockout: {} {} (user {}, address {})", channel, scope,
                        SignInEvents.clean(username), address);
            }
        } catch (RuntimeException e) {
            // The audit row is lost, the refusal and the throttling are not.
            log.error("could not record a sign-in failure of {}", SignInEvents.clean(username), e);
        }
    }

    /** The user name of an HTTP Basic header, or null when there is none (or it cannot be read). */
    public static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** A filter for HTTP Basic: every request that carries credentials is an attempt. */
    public OncePerRequestFilter basicFilter(Refusal refusal) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String username = basicUsername(request);
                if (username != null && refuse(request, response, username, refusal)) {
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** A filter for the login form: a POST to {@code loginPath} is an attempt. */
    public OncePerRequestFilter formFilter(String loginPath, Refusal refusal) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if ("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath())) {
                    String username = request.getParameter("username");
                    if (refuse(request, response, username == null ? "" : username, refusal)) {
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean refuse(HttpServletRequest request, HttpServletResponse response, String username,
                           Refusal refusal) throws IOException, ServletException {
        OptionalLong wait = throttle.blockedFor(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            return false;
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
        refusal.write(request, response, wait.getAsLong());
        return true;
    }
}
