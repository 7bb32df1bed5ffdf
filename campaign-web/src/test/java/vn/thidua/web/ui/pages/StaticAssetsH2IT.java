package vn.thidua.web.ui.pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.thidua.web.testsupport.OnH2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Speed on a phone (issue 11), through real HTTP: the public dashboard links its assets under content-versioned URLs,
 * and ECharts (the pages' partial build, 0.5 MB) comes gzip-compressed with {@code Cache-Control: public, max-age=31536000, immutable}; the pages
 * themselves stay uncached. The assets come from the classpath, not the database, so the embedded H2 is enough.
 */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thidua.demo.enabled=true", "thidua.demo.password=Static-assets-demo-1"})
class StaticAssetsH2IT {
    static final Pattern ECHARTS = Pattern.compile("data-echarts-url=\"(/js/vendor/echarts\\.min-[0-9a-f]{32}\\.js)\"");
    static final Pattern CSS = Pattern.compile("<link rel=\"stylesheet\" href=\"(/css/thidua-[0-9a-f]{32}\\.css)\"");
    static final Pattern FAVICON = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/favicon-[0-9a-f]{32}\\.svg)\"");

    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void client() {
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<byte[]> get(String path, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    String publicDashboard() {
        // The demo campaign is seeded at start-up; its terms are projected asynchronously.
        HttpResponse<byte[]>[] page = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            page[0] = get("/cong-khai/campaigns/cum-ii-2021", true);
            return page[0].statusCode() == 200;
        });
        assertThat(header(page[0], "Content-Encoding")).as("the page itself is compressed").isEqualTo("gzip");
        assertThat(header(page[0], "Cache-Control")).as("pages are never cached").contains("no-store");
        return new String(gunzip(page[0].body()), StandardCharsets.UTF_8);
    }

    @Test
    void echartsIsVersionedCompressedAndCachedForAYear() {
        String html = publicDashboard();
        Matcher echarts = ECHARTS.matcher(html);
        assertThat(echarts.find()).as("the versioned ECharts URL in the page:\n%s", html).isTrue();
        assertThat(html).doesNotContain("\"/js/vendor/echarts.min.js\"");

        HttpResponse<byte[]> plain = get(echarts.group(1), false);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(header(plain, "Content-Encoding")).isEmpty();
        assertThat(plain.body().length).as("ECharts (the pages' partial build) uncompressed").isGreaterThan(400_000);

        HttpResponse<byte[]> gz = get(echarts.group(1), true);
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(header(gz, "Content-Type")).contains("javascript");
        assertThat(header(gz, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gz, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(gz.body().length).as("compressed to well under half").isLessThan(plain.body().length * 2 / 5);
        assertThat(gunzip(gz.body())).isEqualTo(plain.body());
        String cache = header(gz, "Cache-Control");
        assertThat(cache.split(",\\s*")).containsExactlyInAnyOrder("max-age=31536000", "public", "immutable");
        assertThat(gz.headers().allValues("Cache-Control")).hasSize(1);
        assertThat(header(gz, "Pragma")).isEmpty();
        assertThat(header(gz, "Expires")).isEmpty();
    }

    @Test
    void stylesheetAndFaviconAreVersionedToo() {
        String html = publicDashboard();
        Matcher css = CSS.matcher(html);
        assertThat(css.find()).as("the versioned stylesheet URL in the page:\n%s", html.substring(0, Math.min(2000, html.length()))).isTrue();
        HttpResponse<byte[]> sheet = get(css.group(1), true);
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(header(sheet, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(sheet, "Cache-Control")).contains("max-age=31536000", "immutable");

        Matcher script = Pattern.compile("<script src=\"(/js/pages/dashboard-[0-9a-f]{32}\\.js)\"").matcher(html);
        assertThat(script.find()).as("the versioned dashboard script URL in the page").isTrue();
        assertThat(get(script.group(1), true).statusCode()).isEqualTo(200);

        Matcher icon = FAVICON.matcher(html);
        assertThat(icon.find()).as("the versioned favicon URL in the page").isTrue();
        HttpResponse<byte[]> svg = get(icon.group(1), false);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(header(svg, "Content-Type")).startsWith("image/svg+xml");
        assertThat(header(svg, "Cache-Control")).contains("immutable");
        // Browsers that ask for /favicon.ico on their own get an icon, without signing in.
        HttpResponse<byte[]> ico = get("/favicon.ico", false);
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).startsWith(0, 0, 1, 0);
    }

    @Test
    void aWrongVersionIsNotServed() {
        HttpResponse<byte[]> r = get("/js/vendor/echarts.min-00000000000000000000000000000000.js", false);
        assertThat(r.statusCode()).isEqualTo(404);
        r = get("/webjars/bootstrap/5.3.3/dist/css/bootstrap.min-00000000000000000000000000000000.css", false);
        assertThat(r.statusCode()).isEqualTo(404);
    }
}
