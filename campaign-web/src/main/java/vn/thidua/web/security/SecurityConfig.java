package vn.thidua.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.net.URI;

/** HTTP Basic for the API (stateless), form login for the web pages; errors as problem+json. */
@Configuration
public class SecurityConfig {

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
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json, VerifiedCredentialsCache credentials)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationProvider(credentials)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) ->
                        problem(res, json, HttpStatus.UNAUTHORIZED, "authentication required")))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) ->
                                problem(res, json, HttpStatus.UNAUTHORIZED, "authentication required"))
                        .accessDeniedHandler((req, res, e) -> problem(res, json, HttpStatus.FORBIDDEN, e.getMessage())))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain site(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/campaigns").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .build();
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
}
