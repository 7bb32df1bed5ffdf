package vn.thidua.web.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Debian Chromium, headless, driven by the Debian ChromeDriver: one browser per test class, quit after it.
 *
 * <p>When {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing the class is skipped, unless the
 * environment has {@code THIDUA_REQUIRE_BROWSER=1}: then it fails. The driver and the binary are named explicitly, so
 * Selenium Manager never tries to download anything. Every browser gets a fresh profile directory, deleted after.
 * A failing test leaves a screenshot and the page source under {@code target/screenshots/failures/}.
 */
public final class ChromeBrowser implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1366;
    static final int HEIGHT = 900;

    private static volatile WebDriver driver;
    private static volatile Path profile;

    /** The running class's browser. */
    public static WebDriver driver() {
        WebDriver d = driver;
        if (d == null) {
            throw new IllegalStateException("no browser: register " + ChromeBrowser.class.getName()
                    + " with @ExtendWith on the test class");
        }
        return d;
    }

    public static boolean required() {
        return "1".equals(System.getenv("THIDUA_REQUIRE_BROWSER"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (Path p : new Path[]{CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(p)) {
                String why = p + " is missing or not executable";
                if (required()) {
                    Assertions.fail(why + " (THIDUA_REQUIRE_BROWSER=1, so this fails instead of skipping)");
                }
                System.err.println("[ChromeBrowser] " + why + " — skipping " + context.getDisplayName());
                Assumptions.abort(why + " — skipping; set THIDUA_REQUIRE_BROWSER=1 to fail instead");
            }
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("thidua-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                // No smooth scrolling (Bootstrap turns it on unless reduced motion is asked for).
                "--force-prefers-reduced-motion",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=vi-VN", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        // The console, for the Content-Security-Policy check (a violation is logged there as an error).
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                // --lang alone leaves headless Chromium on Linux in en-US (dates as mm/dd/yyyy): set the locale too.
                .withEnvironment(Map.of("LANG", "vi_VN.UTF-8", "LANGUAGE", "vi:en"))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver = chrome;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WebDriver d = driver;
        driver = null;
        if (d != null) {
            try {
                d.quit();
            } catch (RuntimeException e) {
                System.err.println("[ChromeBrowser] quit failed: " + e.getMessage());
            }
        }
        Path dir = profile;
        profile = null;
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                System.err.println("[ChromeBrowser] could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        WebDriver d = driver;
        if (d == null) {
            return;
        }
        try {
            Path dir = Path.of("target", "screenshots", "failures");
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), "<!-- " + d.getCurrentUrl() + " -->\n" + d.getPageSource(),
                    StandardCharsets.UTF_8);
            System.err.println("[ChromeBrowser] " + name + " failed at " + d.getCurrentUrl() + "; screenshot in " + dir);
        } catch (RuntimeException | IOException e) {
            System.err.println("[ChromeBrowser] no failure screenshot: " + e.getMessage());
        }
    }
}
