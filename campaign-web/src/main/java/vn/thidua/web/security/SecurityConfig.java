package vn.thidua.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP Basic for the API and for the operators' actuator endpoints (stateless, errors as problem+json), form login
 * for the web pages. Sign-in is throttled per user name and client address ({@link SignInThrottle}) on both, and
 * every refusal is recorded ({@link SignInEvents}). Every answer carries a Content-Security-Policy without inline
 * script or style, a referrer and a permissions policy; redirects are relative, never built from the Host header.
 */
@Configuration
public class SecurityConfig {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * No inline script anywhere and no inline style in any template (both live in static files); images may be
     * data: URIs. The one exception: {@code style-src-attr 'unsafe-inline'}, because ECharts (the vendored chart
     * library) positions its canvases with style attributes it sets itself; {@code <style>} elements stay refused
     * ({@code style-src 'self'}), and a style attribute can run no script.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(),"
            + " interest-cohort=()";

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * No per-filter observations from Spring Security: switching them off by predicate
     * ({@code management.observations.enable.spring.security}) still wrapped every filter of every request; without
     * the wrappers a GET allocates ~8 % less (BENCHMARKS.md, "Queries"). The HTTP server timings stay.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public VerifiedCredentialsCache verifiedCredentialsCache(UserStore users, PasswordEncoder encoder,
                                                             @Value("${thidua.auth-cache-seconds:60}") long seconds,
                                                             @Value("${thidua.auth-user-seconds:5}") long userSeconds) {
        return new VerifiedCredentialsCache(users, encoder, Ticker.systemTicker(), seconds * 1000,
                userSeconds * 1000);
    }

    @Bean
    public SignInThrottle signInThrottle(MeterRegistry meters,
                                         @Value("${thidua.signin.per-user.attempts:10}") long perUser,
                                         @Value("${thidua.signin.per-user.period:15m}") Duration perUserPeriod,
                                         @Value("${thidua.signin.per-address.attempts:50}") long perAddress,
                                         @Value("${thidua.signin.per-address.period:15m}") Duration perAddressPeriod,
                                         @Value("${thidua.signin.max-tracked:100000}") long maxTracked) {
        return new SignInThrottle(new SignInThrottle.Limits(perUser, perUserPeriod, perAddress, perAddressPeriod,
                maxTracked), meters);
    }

    @Bean
    public SignInGuard signInGuard(SignInThrottle throttle, SignInEvents events) {
        return new SignInGuard(throttle, events);
    }

    @Bean
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json, VerifiedCredentialsCache credentials,
                                   SignInGuard guard) throws Exception {
        return basicChain(http.securityMatcher("/api/**"), json, credentials, guard)
                // The public record (công khai): read-only, without sign-in.
                .authorizeHttpRequests(a -> a
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * The actuator: the liveness and readiness probes, the overall health status (without details unless the
     * caller is an operator: {@code management.endpoint.health.show-details: when-authorized}) and info are open;
     * everything else (health components, metrics, prometheus) is for the OPERATOR role, with HTTP Basic.
     */
    @Bean
    @Order(2)
    public SecurityFilterChain actuator(HttpSecurity http, ObjectMapper json, VerifiedCredentialsCache credentials,
                                        SignInGuard guard) throws Exception {
        return basicChain(http.securityMatcher("/actuator/**"), json, credentials, guard)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/actuator/info").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .build();
    }

    private HttpSecurity basicChain(HttpSecurity http, ObjectMapper json, VerifiedCredentialsCache credentials,
                                    SignInGuard guard) throws Exception {
        AuthenticationEntryPoint unauthenticated = (req, res, e) ->
                problem(res, json, HttpStatus.UNAUTHORIZED, "authentication required");
        // Called by the Basic filter only when the credentials it read were refused.
        AuthenticationEntryPoint refused = (req, res, e) -> {
            String username = SignInGuard.basicUsername(req);
            if (username != null && !(e instanceof InsufficientAuthenticationException)) {
                guard.failed(req, username, SignInEvents.Channel.API, e.getClass().getSimpleName());
            }
            unauthenticated.commence(req, res, e);
        };
        return http
                .authenticationProvider(credentials)
                .csrf(c -> c.disable())
                .headers(headers())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(guard.basicFilter((req, res, seconds) -> tooMany(res, json, seconds)),
                        BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(refused))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((req, res, e) -> problem(res, json, HttpStatus.FORBIDDEN, e.getMessage())));
    }

    @Bean
    @Order(3)
    public SecurityFilterChain site(HttpSecurity http, SignInGuard guard,
                                    ObjectProvider<ThymeleafViewResolver> views, LocaleResolver locales)
            throws Exception {
        RequestCache requestCache = new HttpSessionRequestCache();
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true);
        AuthenticationFailureHandler failure = (req, res, e) -> {
            String username = req.getParameter("username");
            guard.failed(req, username == null ? "" : username, SignInEvents.Channel.FORM, e.getClass().getSimpleName());
            res.sendRedirect(req.getContextPath() + "/login?error");
        };
        return http
                .headers(headers())
                .csrf(c -> c.csrfTokenRequestHandler(new BodyOrHeaderCsrfTokenRequestHandler()))
                .requestCache(c -> c.requestCache(requestCache))
                .addFilterBefore(guard.formFilter("/login", (req, res, seconds) ->
                        throttledLoginPage(req, res, seconds, views, locales)), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/webjars/**", "/css/**", "/js/**", "/favicon*", "/login", "/error").permitAll()
                        // The public view: read-only pages for visitors without an account (GET only; nothing posts).
                        .requestMatchers(HttpMethod.GET, "/cong-khai", "/cong-khai/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(x -> x.authenticationEntryPoint(toLogin))
                .formLogin(f -> f.loginPage("/login").successHandler(relativeSuccess(requestCache))
                        .failureHandler(failure).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }

    private static Customizer<HeadersConfigurer<HttpSecurity>> headers() {
        return h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .frameOptions(f -> f.deny());
    }

    /**
     * After sign-in, back to the page first asked for, as a path of this site: the saved request's own URL would be
     * built from the Host header of that request. Nothing saved: the campaigns.
     */
    static AuthenticationSuccessHandler relativeSuccess(RequestCache cache) {
        return (req, res, auth) -> {
            SavedRequest saved = cache.getRequest(req, res);
            String target = req.getContextPath() + "/campaigns";
            if (saved instanceof DefaultSavedRequest d && "GET".equals(d.getMethod())) {
                String path = d.getRequestURI() + (d.getQueryString() == null ? "" : "?" + d.getQueryString());
                if (path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
                    target = path;
                }
            }
            cache.removeRequest(req, res);
            res.sendRedirect(target);
        };
    }

    /** The login page again, with status 429, {@code Retry-After} and the Vietnamese (or English) explanation. */
    private static void throttledLoginPage(HttpServletRequest req, HttpServletResponse res, long seconds,
                                           ObjectProvider<ThymeleafViewResolver> views, LocaleResolver locales)
            throws IOException {
        long minutes = Math.max(1, (seconds + 59) / 60);
        try {
            req.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
            Locale locale = locales.resolveLocale(req);
            View view = views.getObject().resolveViewName("login", locale);
            if (view != null) {
                view.render(Map.of("throttled", true, "retryMinutes", minutes), req, res);
                return;
            }
        } catch (Exception e) {
            log.warn("could not render the throttled login page", e);
        }
        res.setContentType("text/html;charset=UTF-8");
        res.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Đăng nhập</title>"
                + "</head><body><p>Quá nhiều lần đăng nhập không thành công. Vui lòng thử lại sau " + minutes
                + " phút.</p></body></html>");
    }

    static void tooMany(HttpServletResponse res, ObjectMapper json, long seconds) throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "too many failed sign-in attempts for this user name or from this address; retry after " + seconds
                        + " s");
        body.setType(URI.create("https://thidua.vn/problems/too-many-sign-in-attempts"));
        body.setTitle("Too many sign-in attempts");
        body.setProperty("retryAfterSeconds", seconds);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), body);
    }

    static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://thidua.vn/problems/" + (status == HttpStatus.UNAUTHORIZED
                ? "unauthenticated" : "forbidden")));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"thidua\"");
        }
        json.writeValue(res.getOutputStream(), body);
    }

    /**
     * The CSRF token from the {@code X-CSRF-TOKEN} header or a form field, never from the query string: a token in a
     * URL leaks through logs, history and the Referer header. The servlet API merges query and body parameters
     * (query values first), so the query's own occurrences are skipped.
     */
    static final class BodyOrHeaderCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
        private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            delegate.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            return delegate.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {
                @Override
                public String getParameter(String name) {
                    if (!name.equals(token.getParameterName())) {
                        return super.getParameter(name);
                    }
                    String[] values = super.getParameterValues(name);
                    int inQuery = occurrences(request.getQueryString(), name);
                    return values == null || values.length <= inQuery ? null : values[inQuery];
                }
            }, token);
        }

        static int occurrences(String query, String name) {
            if (query == null || query.isEmpty()) {
                return 0;
            }
            return (int) Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).map(k -> {
                try {
                    return URLDecoder.decode(k, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return k;
                }
            }).filter(name::equals).count();
        }
    }
}
