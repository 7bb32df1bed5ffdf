package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import vn.thidua.web.testsupport.ApiTestBase;
import vn.thidua.web.testsupport.Api.Creds;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Driver;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.RawHttp;
import vn.thidua.web.testsupport.Rows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Problems.assertInvalid;
import static vn.thidua.web.testsupport.Problems.assertProblem;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * Sign-in and exposure (issue 10, section 2), through real HTTP against the running application, run on each
 * database by a concrete subclass. The sign-in limits are lowered ({@link #LIMITS}) so that a handful of attempts
 * reach them; every throttling case comes from client addresses of its own ({@code X-Forwarded-For}, trusted from
 * the loopback proxy), so the cases and the other tests do not share a bucket.
 */
@AutoConfigureObservability
abstract class SecurityScenarios extends ApiTestBase {
    static final String PER_USER = "thidua.signin.per-user.attempts=5";
    static final String PER_ADDRESS = "thidua.signin.per-address.attempts=12";

    RawHttp raw;

    @BeforeEach
    void connectRaw() {
        raw = new RawHttp(port);
    }

    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "203.0." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    long events() {
        return Rows.count(jdbc, "domain_event_entry");
    }

    long users() {
        return Rows.count(jdbc, "app_user");
    }

    Response recordsNothing(Supplier<Response> request) {
        long before = events();
        Response r = request.get();
        assertThat(events()).as("events in the store after %s", r).isEqualTo(before);
        return r;
    }

    static int retryAfter(String header) {
        assertThat(header).as("Retry-After").isNotNull().matches("[0-9]+");
        int seconds = Integer.parseInt(header);
        assertThat(seconds).isPositive();
        return seconds;
    }

    // ---------------------------------------------------------------- throttling

    @Test
    void wrongBasicPasswordsAreThrottledPerUserWithoutAPasswordCheckAndRecorded() {
        Fixture f = driver.cluster();
        Creds victim = f.officer(1);
        String cluster = "/api/v1/clusters/" + f.cluster();
        Creds wrong = new Creds(victim.username(), "not-the-password-1");
        for (int i = 0; i < 5; i++) {
            // From a new address each time: only the user's own limit is reached.
            assertProblem(api.get(cluster).as(wrong).header("X-Forwarded-For", address()).send(), 401,
                    "unauthenticated", "Unauthorized");
        }
        // Throttled: even the right password is not checked, so it is refused as well.
        Response locked = api.get(cluster).as(victim).header("X-Forwarded-For", address()).send();
        JsonNode p = assertProblem(locked, 429, "too-many-sign-in-attempts", "Too many sign-in attempts");
        retryAfter(locked.header("Retry-After"));
        assertThat(p.path("retryAfterSeconds").asInt()).isPositive();
        assertThat(api.get(cluster).as(wrong).header("X-Forwarded-For", address()).send().status()).isEqualTo(429);
        // Another user is not held back.
        assertThat(api.get(cluster).as(f.officer(2)).header("X-Forwarded-For", address()).send().status())
                .isEqualTo(200);

        // The audit: failures and the lockout, readable by operators and auditors, by no one else.
        Response events = api.get("/api/v1/admin/sign-in-events?username=" + victim.username()).as(OPERATOR).send();
        assertThat(events.status()).as("%s", events).isEqualTo(200);
        List<String> outcomes = new ArrayList<>();
        events.json().path("entries").forEach(e -> {
            assertThat(e.path("username").asText()).isEqualTo(victim.username());
            assertThat(e.path("at").asText()).isNotBlank();
            assertThat(e.path("address").asText()).startsWith("203.0.");
            assertThat(e.path("channel").asText()).isEqualTo("API");
            outcomes.add(e.path("outcome").asText());
        });
        assertThat(outcomes).filteredOn("FAILURE"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("LOCKOUT"::equals).hasSize(1);
        assertThat(api.get("/api/v1/admin/sign-in-events?username=" + victim.username()).as(f.auditor()).send()
                .status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/admin/sign-in-events").as(f.officer(2)).send(), 403, "forbidden",
                "Forbidden");
        assertProblem(api.get("/api/v1/admin/sign-in-events").send(), 401, "unauthenticated", "Unauthorized");
    }

    @Test
    void manyUserNamesFromOneAddressAreThrottledPerAddress() {
        Fixture f = driver.cluster();
        String from = address();
        String cluster = "/api/v1/clusters/" + f.cluster();
        for (int i = 0; i < 12; i++) {
            Creds guess = new Creds("guess-" + Driver.tag().toLowerCase(Locale.ROOT), "guessed-password-" + i);
            assertThat(api.get(cluster).as(guess).header("X-Forwarded-For", from).send().status()).isEqualTo(401);
        }
        Response r = api.get(cluster).as(f.officer(0)).header("X-Forwarded-For", from).send();
        assertProblem(r, 429, "too-many-sign-in-attempts", "Too many sign-in attempts");
        retryAfter(r.header("Retry-After"));
        // The same user from another address signs in.
        assertThat(api.get(cluster).as(f.officer(0)).header("X-Forwarded-For", address()).send().status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_event WHERE address = ? AND outcome = 'LOCKOUT'",
                Long.class, from)).isEqualTo(1L);
    }

    @Test
    void theLoginFormIsThrottledWithAVietnameseMessage() {
        Fixture f = driver.cluster();
        Creds victim = f.officer(2);
        for (int i = 0; i < 5; i++) {
            raw.forgetCookies();
            RawHttp.Answer a = raw.signIn(victim.username(), "wrong-password-" + i, "X-Forwarded-For", address());
            assertThat(a.status()).as("%s", a).isEqualTo(302);
            assertThat(a.header("Location")).as("%s", a).isEqualTo("/login?error");
        }
        raw.forgetCookies();
        RawHttp.Answer locked = raw.signIn(victim.username(), Driver.PASSWORD, "X-Forwarded-For", address());
        assertThat(locked.status()).as("%s", locked).isEqualTo(429);
        retryAfter(locked.header("Retry-After"));
        assertThat(locked.contentType()).startsWith("text/html");
        assertThat(locked.body()).contains("Quá nhiều lần đăng nhập không thành công");
        assertThat(jdbc.queryForList("SELECT channel FROM sign_in_event WHERE username = ?", String.class,
                victim.username())).containsOnly("FORM").hasSize(6);
    }

    // ---------------------------------------------------------------- passwords

    @Test
    void passwordsFollowNistWithVietnameseReasonsAndNever500() {
        String name = "nguoidung-" + Driver.tag().toLowerCase(Locale.ROOT);
        long before = users();
        String vietnameseLong = "Mật khẩu rất dài của tôi ở Thanh Hoá, Việt Nam năm hai nghìn";
        for (String weak : List.of("aaaaaaaa", "password", "short-1", "password1234", "Password123!",
                "qwertyuiop123", name, name.toUpperCase(Locale.ROOT), "aaaaaaaaaaaaaa", "a".repeat(100),
                "Đúng-mật-khẩu-1".repeat(6), vietnameseLong)) {
            Response r = recordsNothing(() -> api.post("/api/v1/admin/users").as(OPERATOR)
                    .json(map("username", name, "password", weak, "displayName", "Người dùng",
                            "roles", List.of("AUDITOR"))).send());
            JsonNode p = assertInvalid(r, "password");
            JsonNode error = null;
            for (JsonNode e : p.path("errors")) {
                if (e.path("field").asText().equals("password")) {
                    error = e;
                }
            }
            assertThat(error.path("message").asText()).as("%s for %s", r, weak).containsIgnoringCase("mật khẩu");
        }
        assertThat(vietnameseLong.length()).isLessThanOrEqualTo(64);
        assertThat(vietnameseLong.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(users()).isEqualTo(before);
        String good = "Thi đua là yêu nước 2026";
        Response created = api.post("/api/v1/admin/users").as(OPERATOR).json(map("username", name, "password", good,
                "displayName", "Người dùng", "roles", List.of("AUDITOR"))).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(api.get("/api/v1/audit").as(new Creds(name, good)).send().status()).isEqualTo(200);
        // A long password at sign-in is just a wrong password, never a 500.
        assertThat(api.get("/api/v1/audit").as(new Creds(name, "x".repeat(500))).header("X-Forwarded-For", address())
                .send().status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- authorization holes

    @Test
    void anOfficerOrHeadNeedsAUnitOfARegisteredCluster() {
        String tag = Driver.tag();
        long before = users();
        for (String role : List.of("UNIT_OFFICER", "CLUSTER_HEAD")) {
            Response r = driver.createUser(OPERATOR, "ghost-" + role.toLowerCase(Locale.ROOT).charAt(0) + "-"
                    + tag.toLowerCase(Locale.ROOT), "NOWHERE" + tag, role);
            assertInvalid(r, "unitCode");
        }
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void theHeadOfAnotherUnitMayNotLaunchInAClusterWithARegisteredHead() {
        String tag = Driver.tag();
        String cluster = "C" + tag;
        List<String> units = Driver.units(tag);
        Map<String, Object> body = driver.clusterBody(cluster, units);
        body.put("headUnit", units.get(0));
        assertThat(api.post("/api/v1/clusters").as(OPERATOR).json(body).send().status()).isEqualTo(201);
        String lower = tag.toLowerCase(Locale.ROOT);
        Creds realHead = driver.user("head-" + lower, units.get(0), "CLUSTER_HEAD");
        Creds otherHead = driver.user("head2-" + lower, units.get(1), "CLUSTER_HEAD");
        java.time.LocalDate today = java.time.LocalDate.now(Driver.VN);
        Fixture asOther = new Fixture(tag, cluster, "camp-" + lower, List.of(units.get(1), units.get(0), units.get(2)),
                otherHead, Map.of(), null, null, today.plusDays(30), today.plusDays(60), today.plusDays(200));
        Response refused = recordsNothing(() -> api.post("/api/v1/campaigns").as(otherHead)
                .json(Driver.campaignBody(asOther)).send());
        assertRule(refused, "campaign.head-not-cluster-head");
        Fixture asHead = new Fixture(tag, cluster, "camp-" + lower, units, realHead, Map.of(), null, null,
                today.plusDays(30), today.plusDays(60), today.plusDays(200));
        assertThat(api.post("/api/v1/campaigns").as(realHead).json(Driver.campaignBody(asHead)).send().status())
                .isEqualTo(201);
    }

    // ---------------------------------------------------------------- actuator

    @Test
    void actuatorDetailsAndMetricsAreForOperatorsOnly() {
        Response health = api.get("/actuator/health").send();
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("%s", health).isFalse();
        assertThat(health.json().has("details")).as("%s", health).isFalse();
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Response r = api.get(probe).send();
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("UP");
        }
        for (String closed : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health/db",
                "/actuator/health/diskSpace", "/actuator/health/processors")) {
            Response r = api.get(closed).send();
            assertProblem(r, 401, "unauthenticated", "Unauthorized");
            assertThat(r.body()).doesNotContain("jvm_").doesNotContain("diskSpace");
        }
        Fixture f = driver.cluster();
        assertProblem(api.get("/actuator/prometheus").as(f.auditor()).send(), 403, "forbidden", "Forbidden");
        assertThat(api.get("/actuator/health").as(f.auditor()).send().json().has("components")).isFalse();
        Response operator = api.get("/actuator/health").as(OPERATOR).send();
        assertThat(operator.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        Response metrics = api.get("/actuator/prometheus").as(OPERATOR).header("Accept", "text/plain").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
    }

    // ---------------------------------------------------------------- headers, cookies, CSRF, redirects

    @Test
    void pagesCarryAContentSecurityPolicyAndTheOtherHeaders() {
        RawHttp.Answer login = raw.get("/login");
        assertThat(login.status()).isEqualTo(200);
        String csp = login.header("Content-Security-Policy");
        assertThat(csp).as("%s", login).isNotNull()
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").contains("base-uri 'self'").contains("form-action 'self'")
                .contains("style-src 'self';").doesNotContain("unsafe-eval");
        // 'unsafe-inline' only for style attributes (set by the chart library), never for script.
        assertThat(csp.replace("style-src-attr 'unsafe-inline'", "")).doesNotContain("unsafe-inline");
        assertThat(login.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(login.header("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String cookie = login.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login));
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        // Behind the HTTPS proxy the cookie is Secure.
        raw.forgetCookies();
        RawHttp.Answer https = raw.get("/login", "X-Forwarded-Proto", "https");
        assertThat(https.all("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .contains("Secure").contains("SameSite=Lax"));
        // The API answers carry the headers too.
        Response api401 = api.get("/api/v1/campaigns").send();
        assertThat(api401.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(api401.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void theCsrfTokenIsNotTakenFromTheQueryString() {
        Fixture f = driver.cluster();
        String token = raw.csrfOfLoginPage();
        RawHttp.Answer inQuery = raw.form("/login?_csrf=" + token, List.of("username", f.auditor().username(),
                "password", Driver.PASSWORD));
        assertThat(inQuery.status()).as("%s", inQuery).isEqualTo(403);
        assertThat(inQuery.contentType()).startsWith("text/html");
        RawHttp.Answer inForm = raw.form("/login", List.of("username", f.auditor().username(),
                "password", Driver.PASSWORD, "_csrf", token));
        assertThat(inForm.status()).as("%s", inForm).isEqualTo(302);
        assertThat(inForm.header("Location")).isEqualTo("/campaigns");
    }

    @Test
    void redirectsAreNeverBuiltFromTheHostHeader() {
        Fixture f = driver.cluster();
        RawHttp.Answer toLogin = raw.get("/audit", "Host", "evil.example.com");
        assertThat(toLogin.status()).as("%s", toLogin).isEqualTo(302);
        assertThat(toLogin.header("Location")).as("%s", toLogin).isEqualTo("/login");
        RawHttp.Answer signedIn = raw.signIn(f.auditor().username(), Driver.PASSWORD, "Host", "evil.example.com");
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
        assertThat(signedIn.header("Location")).as("%s", signedIn).isEqualTo("/audit");
        RawHttp.Answer out = raw.form("/logout", List.of("_csrf", raw.csrfOfLoginPage("Host", "evil.example.com")),
                "Host", "evil.example.com");
        assertThat(out.header("Location")).as("%s", out).doesNotContain("evil");
    }

    // ---------------------------------------------------------------- errors: problem+json on the API, pages on pages

    @Test
    void everyRefusalOnTheApiIsProblemJsonAndEveryErrorOnAPageIsAPage() {
        Fixture f = driver.campaign();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((OPERATOR.username() + ":"
                + OPERATOR.password()).getBytes(StandardCharsets.UTF_8));
        String longText = "x".repeat(6000);
        byte[] big = ("{\"code\":\"" + "y".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        List<Object[]> apiCases = List.of(
                new Object[]{"GET", "/api/v1/campaigns/..%2f..%2fetc%2fpasswd", null, null},
                new Object[]{"GET", "/api/v1/campaigns/%2e%2e/%2e%2e/actuator", null, null},
                new Object[]{"GET", "/api/v1/campaigns/../../actuator/prometheus", null, null},
                new Object[]{"GET", "/api/v1/campaigns/a;jsessionid=1", null, null},
                new Object[]{"GET", "/api/v1//campaigns", null, null},
                new Object[]{"GET", "/api/v1/campaigns/a%00b", null, null},
                new Object[]{"GET", "/api/v1/campaigns/%ff%fe", null, null},
                new Object[]{"GET", "/api/v1/campaigns/a%5cb", null, null},
                new Object[]{"GET", "/api/v1/no-such-thing", null, null},
                new Object[]{"GET", "/api/v1/campaigns/" + longText, null, null},
                new Object[]{"GET", "/api/v1/audit?campaignId=" + "z".repeat(10_000), null, null},
                new Object[]{"GET", "/api/v1/audit?page=abc", null, null},
                new Object[]{"GET", "/api/v1/audit?size=-5", null, null},
                new Object[]{"DELETE", f.campaignPath(), null, null},
                new Object[]{"PATCH", "/api/v1/clusters", "application/json", "{}".getBytes()},
                new Object[]{"POST", "/api/v1/clusters", "application/json", "{\"code\":".getBytes()},
                new Object[]{"POST", "/api/v1/clusters", "text/plain", "hello".getBytes()},
                new Object[]{"POST", "/api/v1/clusters", "application/json", big},
                new Object[]{"GET", "/api/v1/no-such-thing?x=" + longText, "text/html", null});
        List<String> wrong = new ArrayList<>();
        for (Object[] c : apiCases) {
            String accept = c[2] != null && c[2].equals("text/html") && c[3] == null ? "text/html" : "application/json";
            RawHttp.Answer a = raw.send((String) c[0], (String) c[1], c[3] == null ? null : (String) c[2],
                    (byte[]) c[3], "Authorization", basic, "Accept", accept);
            boolean problem = a.status() >= 400 && a.status() < 500
                    && a.contentType().startsWith("application/problem+json")
                    && a.body().contains("\"status\":" + a.status()) && a.body().contains("\"type\"");
            if (!problem) {
                wrong.add(c[0] + " " + abbreviate((String) c[1]) + " -> " + a);
            }
        }
        raw.forgetCookies();
        RawHttp.Answer signedIn = raw.signIn(f.auditor().username(), Driver.PASSWORD);
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
        List<String[]> pageCases = List.of(
                new String[]{"GET", "/no-such-page", "text/html"},
                new String[]{"GET", "/no-such-page", "application/json"},
                new String[]{"GET", "/campaigns/..%2f..%2fetc", "text/html"},
                new String[]{"GET", "/campaigns/%2e%2e/%2e%2e/actuator", "text/html"},
                new String[]{"GET", "/campaigns/a;b=c", "text/html"},
                new String[]{"GET", "/campaigns//x", "text/html"},
                new String[]{"GET", "/campaigns/a%00b", "text/html"},
                new String[]{"GET", "/campaigns/" + longText, "text/html"},
                new String[]{"GET", "/audit?campaignId=" + "z".repeat(10_000), "text/html"},
                new String[]{"GET", "/campaigns/no-such-campaign", "application/json"},
                new String[]{"GET", "/audit?page=abc", "text/html"},
                new String[]{"GET", "/audit?page=abc", "application/json"},
                new String[]{"GET", "/audit?from=not-a-date", "*/*"},
                new String[]{"DELETE", "/campaigns", "text/html"},
                new String[]{"PUT", "/audit", "application/json"},
                new String[]{"POST", "/campaigns/launch", "text/html"});
        for (String[] c : pageCases) {
            RawHttp.Answer a = raw.send(c[0], c[1], null, null, "Accept", c[2]);
            boolean page = a.status() >= 400 && a.status() < 500 && a.contentType().startsWith("text/html")
                    && a.body().contains("<html") && a.body().contains("Có lỗi");
            if (!page) {
                wrong.add(c[0] + " " + abbreviate(c[1]) + " (Accept " + c[2] + ") -> " + a);
            }
        }
        assertThat(wrong).as("answers of the wrong kind").isEmpty();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
