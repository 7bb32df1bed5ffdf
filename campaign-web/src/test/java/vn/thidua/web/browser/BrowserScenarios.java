package vn.thidua.web.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.web.ui.pages.PageQueries;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real browser, as people use them: the demo data (the closed 2021 Cluster II campaign and the open
 * current-year one), signed in as the demo users, clicking and typing. Shared by the H2 and the PostgreSQL class.
 *
 * <p>The scenarios build on each other in order (the officer pledges, reports and corrects; the head verifies; the
 * dashboard and the unit page follow). Accessibility (axe-core, WCAG 2 A/AA) is checked on every main page and the
 * serious and critical violations of all pages are asserted together in the last test, so one run reports every
 * page. Screenshots of the main pages go to {@code target/screenshots/}.
 */
@Tag("browser")
@ExtendWith(ChromeBrowser.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserScenarios {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PASSWORD = "Demo-pass-1";
    static final String Y2021 = "cum-ii-2021";
    static final String OPEN = "cum-ii-" + LocalDate.now(VN).getYear();
    static final String UNIT = "THIEU_HOA";
    static final String PERIOD = "GIUA_KY";
    // 45 s, not 20: on a loaded two-core machine the first PostgreSQL-backed page after sign-in has taken longer (a
    // timeout seen in two CI runs, never a wrong page); the wait returns as soon as the condition holds.
    static final Duration WAIT = Duration.ofSeconds(45);
    static final Duration PROJECTION_WAIT = Duration.ofSeconds(45);
    static final List<String> IMPACTS_REFUSED = List.of("serious", "critical");

    /** Serious and critical axe findings, by page, asserted together at the end; every page checked is a key. */
    private static final Map<String, List<String>> AXE_FINDINGS = new ConcurrentHashMap<>();
    private static final Map<String, String> AXE_SUMMARY = new ConcurrentHashMap<>();
    /** Pages already photographed by this class: a scenario's picture (in its telling state) is kept. */
    private static final Set<String> SHOTS = ConcurrentHashMap.newKeySet();
    private static volatile boolean seeded;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PageQueries queries;
    @Autowired
    CampaignTermsLookup campaigns;

    WebDriver driver;
    WebDriverWait wait;

    /** Where this class's screenshots go: {@code target/screenshots}, unless the subclass names its own folder. */
    Path screenshotDir() {
        return Path.of("target", "screenshots");
    }

    @BeforeAll
    static void resetClassState() {
        AXE_FINDINGS.clear();
        AXE_SUMMARY.clear();
        SHOTS.clear();
        seeded = false;
    }

    @BeforeEach
    void browserAndSeed() {
        driver = ChromeBrowser.driver();
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        if (!seeded) {
            // The seed's commands ran at start-up; its projections are asynchronous.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
                try {
                    LeagueTable t = queries.leagueTable(Y2021, null);
                    UnitProgress p = queries.progress(Y2021, UNIT);
                    return t.rows().size() == 8 && t.rows().stream().noneMatch(r -> r.provisional())
                            && p.indicators().stream().anyMatch(i -> i.latest() != null)
                            && campaigns.find(OPEN).isPresent();
                } catch (RuntimeException e) {
                    return false;
                }
            });
            seeded = true;
        }
    }

    // ============================================================================================== scenarios

    @Test
    @Order(1)
    void signIn() {
        closeOtherTabs();
        clearCookies();
        open("/campaigns");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(lang()).isEqualTo("vi");
        assertThat(text("h1")).isEqualTo("Đăng nhập");
        shot("login");
        axe("login");

        type(By.id("username"), "thieuhoa");
        type(By.id("password"), "sai-mat-khau");
        click(By.cssSelector("main form button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(text("main .alert-danger")).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");

        type(By.id("username"), "thieuhoa");
        type(By.id("password"), PASSWORD);
        driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
        // Back to the page first asked for (Spring Security marks it with "?continue").
        wait.until(d -> path().equals("/campaigns"));
        assertThat(text("h1")).isEqualTo("Phong trào thi đua");
        assertThat(driver.findElement(By.cssSelector("header nav")).getText())
                .contains("Cán bộ thi đua huyện Thiệu Hóa", "Đăng xuất");
        assertThat(driver.findElements(By.cssSelector("a[href='/campaigns/" + Y2021 + "']"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href='/campaigns/" + OPEN + "']"))).isNotEmpty();

        // Signing out with the button in the bar.
        click(By.cssSelector("header form[action='/logout'] button"));
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(text("main .alert-success")).isEqualTo("Bạn đã đăng xuất.");
    }

    @Test
    @Order(2)
    void languageSwitch() {
        signInAs("kiemtoan");
        assertThat(lang()).isEqualTo("vi");
        click(By.cssSelector("a[hreflang='en']"));
        wait.until(d -> "en".equals(lang()));
        assertThat(text("h1")).isEqualTo("Emulation campaigns");
        assertThat(driver.findElement(By.cssSelector("header nav")).getText())
                .contains("Campaigns", "Audit trail", "Sign out");
        open("/campaigns/" + Y2021);
        assertThat(text("#table-heading")).isEqualTo("League table");
        click(By.cssSelector("a[hreflang='vi']"));
        wait.until(d -> "vi".equals(lang()));
        assertThat(text("#table-heading")).isEqualTo("Bảng xếp hạng");
        assertThat(driver.findElement(By.cssSelector("header nav")).getText()).contains("Nhật ký", "Đăng xuất");
    }

    @Test
    @Order(3)
    void officerPledgesWithABelowFloorErrorFirst() {
        signInAs("thieuhoa");
        // From the campaign list to the open campaign's dashboard, then the unit's own pledge link.
        click(By.cssSelector("table a[href='/campaigns/" + OPEN + "']"));
        wait.until(ExpectedConditions.urlMatches("/campaigns/" + OPEN + "$"));
        click(By.cssSelector("a[href='/campaigns/" + OPEN + "/pledge/" + UNIT + "']"));
        wait.until(ExpectedConditions.urlContains("/pledge/" + UNIT));
        assertThat(text("h1")).isEqualTo("Đăng ký chỉ tiêu thi đua — Thiệu Hóa");

        Map<String, String> values = validPledge();
        values.put("THU_NGAN_SACH", "90");
        fillIndicators(values);
        long before = events();
        submitMainForm();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("v-THU_NGAN_SACH-error")));
        assertThat(error.getText()).contains("Chỉ tiêu đăng ký thấp hơn mức sàn của cụm (100)");
        WebElement field = driver.findElement(By.id("v-THU_NGAN_SACH"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("v-THU_NGAN_SACH-error");
        assertThat(field.getDomProperty("value")).isEqualTo("90");
        assertThat(text("#form-errors")).contains("Chưa lưu được");
        assertThat(events()).as("nothing recorded for a refused pledge").isEqualTo(before);
        shot("pledge-error");
        axe("pledge-error");

        // The error summary links to the field.
        click(By.cssSelector("#form-errors a[href='#v-THU_NGAN_SACH']"));
        type(By.id("v-THU_NGAN_SACH"), "110");
        submitMainForm();
        wait.until(ExpectedConditions.urlMatches("/campaigns/" + OPEN + "/units/" + UNIT + "$"));
        assertThat(text("header .alert-success")).isEqualTo("Đã ghi nhận đăng ký thi đua.");
        assertThat(events()).isEqualTo(before + 1);
        // The unit page shows the pledged target (the progress projection follows asynchronously).
        refreshUntil(d -> cardText("THU_NGAN_SACH").contains("110 % dự toán tỉnh giao"));
        assertThat(cardText("TANG_TRUONG")).contains("10 %");
    }

    @Test
    @Order(4)
    void officerReportsThenCorrectsWithAReason() {
        signInAs("thieuhoa");
        open("/campaigns/" + OPEN + "/units/" + UNIT);
        click(By.cssSelector("main a[href='/campaigns/" + OPEN + "/report/" + UNIT + "']"));
        wait.until(ExpectedConditions.urlContains("/report/" + UNIT));
        new Select(driver.findElement(By.id("period-select"))).selectByValue(PERIOD);
        click(By.xpath("//button[normalize-space()='Chọn kỳ']"));
        wait.until(ExpectedConditions.urlContains("period=" + PERIOD));
        assertThat(driver.findElements(By.id("reason"))).as("no reason asked for a first report").isEmpty();
        assertThat(text("main")).contains("Chỉ tiêu đã đăng ký");

        long before = events();
        type(By.id("v-TANG_TRUONG"), "6");
        type(By.id("v-THU_NGAN_SACH"), "95");
        new Select(driver.findElement(By.id("v-KHONG_DICH"))).selectByValue("true");
        submitMainForm();
        wait.until(ExpectedConditions.urlMatches("/units/" + UNIT + "$"));
        assertThat(text("header .alert-success")).startsWith("Đã ghi nhận báo cáo kỳ Báo cáo giữa kỳ");
        assertThat(events()).isEqualTo(before + 1);

        // The correction: the reason field appears only now.
        open("/campaigns/" + OPEN + "/report/" + UNIT + "?period=" + PERIOD);
        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
        assertThat(text("label[for='reason']")).isEqualTo("Lý do điều chỉnh");
        assertThat(reason.getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.id("v-TANG_TRUONG")).getDomProperty("value")).isEqualTo("6");
        shot("report-correction");
        axe("report-correction");

        type(By.id("v-TANG_TRUONG"), "7");
        long beforeCorrection = events();
        submitMainForm();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-error")));
        assertThat(error.getText()).contains("Vui lòng nêu lý do điều chỉnh báo cáo");
        assertThat(driver.findElement(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("v-TANG_TRUONG")).getDomProperty("value")).isEqualTo("7");
        assertThat(events()).as("nothing recorded without a reason").isEqualTo(beforeCorrection);

        type(By.id("reason"), "Số liệu thống kê chính thức của Chi cục Thống kê huyện.");
        submitMainForm();
        wait.until(ExpectedConditions.urlMatches("/units/" + UNIT + "$"));
        assertThat(text("header .alert-success")).contains("điều chỉnh");
        assertThat(events()).isEqualTo(beforeCorrection + 1);
        refreshUntil(d -> cardText("TANG_TRUONG").contains("7 %"));
    }

    @Test
    @Order(5)
    void headVerifiesWithAFixedValueAndTheLiveDashboardFollows() {
        signInAs("truongcum");
        // A second tab keeps the live dashboard open; it must change without a reload.
        String queueTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String dashboardTab = driver.getWindowHandle();
        open("/campaigns/" + OPEN);
        refreshUntil(d -> !d.findElements(By.cssSelector("#league tr[data-unit='" + UNIT + "'] .provisional-mark"))
                .isEmpty());
        wait.until(d -> Boolean.TRUE.equals(js("return !!document.getElementById('live-status');")));

        driver.switchTo().window(queueTab);
        open("/campaigns");
        click(By.cssSelector("header a[href='/verification']"));
        wait.until(ExpectedConditions.urlContains("/verification"));
        String key = OPEN + "__" + UNIT + "__" + PERIOD;
        WebElement section = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(key)));
        assertThat(section.getText()).contains("Thiệu Hóa", "Báo cáo giữa kỳ", "Đã điều chỉnh 1 lần");
        shot("verification");
        axe("verification");

        long before = events();
        WebElement fix = driver.findElement(By.id(key + "-fix-TANG_TRUONG"));
        fix.sendKeys("6.5");
        assertThat(fix.getDomProperty("value")).isEqualTo("6.5");
        driver.findElement(By.id(key + "-comment")).sendKeys("Kiểm tra chéo: tăng trưởng theo số liệu Cục Thống kê.");
        driver.findElement(By.id(key + "-reason-TANG_TRUONG")).sendKeys("Số liệu chính thức của Cục Thống kê.");
        click(section.findElement(By.cssSelector("button[value='VERIFIED']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header .alert-success"),
                "Đã xác nhận báo cáo của Thiệu Hóa"));
        assertThat(driver.findElements(By.id(key))).as("no longer pending").isEmpty();
        assertThat(events()).isEqualTo(before + 1);

        // The live dashboard (server-sent events) drops the provisional mark of Thiệu Hóa without a reload.
        driver.switchTo().window(dashboardTab);
        new WebDriverWait(driver, PROJECTION_WAIT, Duration.ofMillis(200)).until(d ->
                d.findElements(By.cssSelector("#league tr[data-unit='" + UNIT + "'] .provisional-mark")).isEmpty()
                        && text("#live-status").startsWith("Bảng xếp hạng vừa được cập nhật lúc"));
        driver.close();
        driver.switchTo().window(queueTab);
    }

    @Test
    @Order(6)
    void dashboardAndUnitPageReflectTheVerification() {
        signInAs("thieuhoa");
        open("/campaigns/" + OPEN);
        refreshUntil(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#league tbody tr"));
            return !rows.isEmpty() && UNIT.equals(rows.get(0).getAttribute("data-unit"))
                    && d.findElements(By.cssSelector("#league tr[data-unit='" + UNIT + "'] .provisional-mark")).isEmpty();
        });
        WebElement row = driver.findElement(By.cssSelector("#league tr[data-unit='" + UNIT + "']"));
        assertThat(row.findElement(By.cssSelector("td")).getText()).isEqualTo("1");
        BigDecimal total = number(row.findElement(By.cssSelector("td:nth-of-type(2) span")).getText());
        assertThat(total).isPositive();
        assertThat(row.getText()).contains("Đăng ký thi đua", "Báo cáo kết quả");
        waitForCharts();
        shot("dashboard-open");

        click(row.findElement(By.cssSelector("th a")));
        wait.until(ExpectedConditions.urlMatches("/units/" + UNIT + "$"));
        refreshUntil(d -> cardText("TANG_TRUONG").contains("6,5 %"));
        assertThat(cardText("TANG_TRUONG")).contains("(đã xác minh)", "Báo cáo giữa kỳ");
        assertThat(cardText("THU_NGAN_SACH")).contains("95 %", "110 %");
    }

    @Test
    @Order(7)
    void officerOfAnotherUnitIsRefused() throws Exception {
        signInAs("hatrung");
        long before = events();
        open("/campaigns/" + OPEN + "/pledge/" + UNIT);
        assertThat(text("h1")).isEqualTo("Có lỗi");
        assertThat(text("main .alert")).isEqualTo("Bạn không có quyền thực hiện thao tác này.");
        assertThat(driver.findElements(By.id("v-THU_NGAN_SACH"))).isEmpty();
        assertThat(get("/campaigns/" + OPEN + "/pledge/" + UNIT).statusCode()).isEqualTo(403);
        shot("forbidden");
        axe("forbidden");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void asOfPickerShowsThePast() {
        signInAs("kiemtoan");
        open("/campaigns/" + Y2021);
        waitForCharts();
        String nowFirst = firstRow();
        assertThat(nowFirst).startsWith("THO_XUAN ");
        assertThat(driver.findElements(By.cssSelector(".past-view"))).isEmpty();

        WebElement date = driver.findElement(By.id("asOf"));
        date.sendKeys("31072021");
        if (!"2021-07-31".equals(date.getDomProperty("value"))) {
            date.clear();
            date.sendKeys("07312021");
        }
        if (!"2021-07-31".equals(date.getDomProperty("value"))) {
            System.out.println("[browser] typing into the date input gave '" + date.getDomProperty("value")
                    + "'; setting the value instead");
            js("arguments[0].value = '2021-07-31';", date);
        }
        assertThat(date.getDomProperty("value")).isEqualTo("2021-07-31");
        click(By.xpath("//form[.//input[@id='asOf']]//button[@type='submit']"));
        wait.until(ExpectedConditions.urlContains("asOf=2021-07-31"));
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".past-view")));
        assertThat(note.getText()).contains("Đây là số liệu đã qua.", "31/07/2021", "Về bảng xếp hạng hiện tại");
        assertThat(driver.findElements(By.id("live-status"))).as("the past view is not live").isEmpty();
        assertThat(driver.findElement(By.id("asOf")).getDomProperty("value")).isEqualTo("2021-07-31");
        waitForCharts();
        String pastFirst = firstRow();
        System.out.println("[browser] 2021 first row today: " + nowFirst + "; as of 31/07/2021: " + pastFirst);
        assertThat(pastFirst).isNotEqualTo(nowFirst);
        shot("dashboard-asof");
        axe("dashboard-asof");

        click(By.cssSelector(".past-view a"));
        wait.until(ExpectedConditions.urlMatches("/campaigns/" + Y2021 + "$"));
        assertThat(firstRow()).isEqualTo(nowFirst);
    }

    @Test
    @Order(9)
    void operatorReplaysAProjection() {
        signInAs("vanhanh");
        click(By.cssSelector("header a[href='/operations']"));
        wait.until(ExpectedConditions.urlContains("/operations"));
        By row = By.cssSelector("tr[data-projection='league-table']");
        WebElement tr = wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(tr.findElement(By.cssSelector("[data-field='statusText']")).getText()).isEqualTo("Đang phục vụ");
        int generation = Integer.parseInt(tr.findElement(By.cssSelector("[data-field='generation']")).getText().trim());
        String started = tr.findElement(By.cssSelector("[data-field='startedAt']")).getText();

        click(tr.findElement(By.cssSelector("button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "league-table"));
        // Record every status the page shows from now on (it polls every second and updates in place).
        js("window.__statuses = [];"
                + "var el = document.querySelector(\"tr[data-projection='league-table'] [data-field='statusText']\");"
                + "window.__statuses.push(el.textContent.trim());"
                + "new MutationObserver(function () { window.__statuses.push(el.textContent.trim()); })"
                + ".observe(el, {childList: true, characterData: true, subtree: true});");
        new WebDriverWait(driver, PROJECTION_WAIT, Duration.ofMillis(200)).until(d -> {
            WebElement r = d.findElement(row);
            int g = Integer.parseInt(r.findElement(By.cssSelector("[data-field='generation']")).getText().trim());
            return g > generation
                    && "Đang phục vụ".equals(r.findElement(By.cssSelector("[data-field='statusText']")).getText())
                    && !r.findElement(By.cssSelector("[data-field='finishedAt']")).getText().isBlank()
                    && "100".equals(r.findElement(By.cssSelector("[role='progressbar']")).getAttribute("aria-valuenow"));
        });
        WebElement after = driver.findElement(row);
        assertThat(after.findElement(By.cssSelector("[data-field='startedAt']")).getText()).isNotEqualTo(started);
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>) js("return window.__statuses;");
        System.out.println("[browser] replay of league-table: generation " + generation + " → "
                + after.findElement(By.cssSelector("[data-field='generation']")).getText() + "; statuses seen " + seen);
        assertThat(seen).isNotEmpty();
        assertThat(String.valueOf(seen.get(seen.size() - 1))).isEqualTo("Đang phục vụ");
    }

    @Test
    @Order(10)
    void leagueTableExportOpensWithPoi() throws Exception {
        signInAs("kiemtoan");
        open("/campaigns/" + Y2021);
        // The link the page offers, fetched with the browser's session.
        String href = driver.findElement(By.cssSelector("a[href$='/league-table.xlsx']")).getAttribute("href");
        HttpResponse<byte[]> response = get(URI.create(href).getPath());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Bảng xếp hạng");
            // Below the title block (the campaign, the figures' instant, a blank row).
            Row header = sheet.getRow(3);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()))
                    .containsExactly("Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm");
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).as("a frozen header").isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 4);
            Row first = sheet.getRow(4);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("THO_XUAN");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Thọ Xuân");
            assertThat(first.getCell(3).getNumericCellValue()).isCloseTo(103.1877, org.assertj.core.data.Offset.offset(0.001));
            assertThat(sheet.getLastRowNum()).isEqualTo(11);
        }
    }

    @Test
    @Order(11)
    void excelImportWithABadCellIsRefusedWhole() throws Exception {
        signInAs("thieuhoa");
        open("/campaigns/" + OPEN + "/import");
        assertThat(text("h1")).isEqualTo("Nhập số liệu từ Excel");
        shot("import");
        axe("import");
        String href = driver.findElement(By.cssSelector("a[href$='/pledges/template.xlsx']")).getAttribute("href");
        HttpResponse<byte[]> template = get(URI.create(href).getPath());
        assertThat(template.statusCode()).isEqualTo(200);

        Path file = Files.createTempFile("thidua-pledges-", ".xlsx");
        String badColumn;
        int badRow;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Đăng ký thi đua");
            Row codes = sheet.getRow(2);
            Row data = null;
            for (int r = 3; r <= sheet.getLastRowNum() && data == null; r++) {
                Row candidate = sheet.getRow(r);
                if (candidate != null && UNIT.equals(candidate.getCell(0).getStringCellValue())) {
                    data = candidate;
                }
            }
            assertThat(data).as("the officer's own unit in the template").isNotNull();
            assertThat(sheet.getLastRowNum()).as("an officer's template holds its own unit only").isEqualTo(data.getRowNum());
            Map<String, Indicator> indicators = campaigns.require(OPEN).indicators();
            String bad = null;
            int bc = -1;
            for (int c = 2; c < codes.getLastCellNum(); c++) {
                Cell code = codes.getCell(c);
                Indicator indicator = code == null ? null : indicators.get(code.getStringCellValue());
                if (indicator == null) {
                    continue;
                }
                Cell cell = data.getCell(c) == null ? data.createCell(c) : data.getCell(c);
                if (indicator.kind() == IndicatorKind.QUALITATIVE) {
                    cell.setCellValue("Có");
                } else if (indicator.code().equals("THU_NGAN_SACH")) {
                    cell.setCellValue(90);
                    bad = CellReference.convertNumToColString(c);
                    bc = c;
                } else {
                    cell.setCellValue(indicator.floor() != null ? indicator.floor().doubleValue() : 10);
                }
            }
            assertThat(bc).as("the THU_NGAN_SACH column").isGreaterThan(1);
            badColumn = bad;
            badRow = data.getRowNum() + 1;
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        long before = events();
        assertThat(driver.findElement(By.id("kind-pledges")).isSelected()).isTrue();
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        click(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("excel-errors")));
        assertThat(text("#excel-errors-title")).isEqualTo("Tệp có 1 ô sai");
        assertThat(text("main .alert-danger")).contains("Chưa ghi nhận dòng nào");
        List<WebElement> errors = table.findElements(By.cssSelector("tbody tr.excel-error"));
        assertThat(errors).hasSize(1);
        List<String> cells = errors.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.subList(0, 3)).containsExactly("Đăng ký thi đua", Integer.toString(badRow), badColumn);
        assertThat(cells.get(3)).isEqualTo("Mức đăng ký 90 thấp hơn mức sàn 100 của cụm.");
        assertThat(events()).as("nothing recorded from a file with a bad cell").isEqualTo(before);
        assertThat(driver.findElements(By.id("excel-done"))).isEmpty();
        shot("import-errors");
        axe("import-errors");
        Files.deleteIfExists(file);
    }

    /** Issue 12: an officer attaches two files at once to its report (drag-and-drop's input) and sees them listed. */
    @Test
    @Order(13)
    void officerAttachesEvidenceToAReportAndSeesItListed() throws Exception {
        signInAs("thieuhoa");
        open("/campaigns/" + OPEN + "/report/" + UNIT + "?period=" + PERIOD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidence-form")));
        assertThat(text("#evidence-heading")).isEqualTo("Minh chứng");
        Path dir = Files.createTempDirectory("thidua-evidence-");
        Path pdf = dir.resolve("bien-ban-kiem-tra.pdf");
        Path png = dir.resolve("anh-hien-truong.png");
        Files.write(pdf, vn.thidua.web.it.EvidenceFiles.pdf());
        Files.write(png, vn.thidua.web.it.EvidenceFiles.png());
        long before = events();
        driver.findElement(By.id("evidence-file")).sendKeys(pdf.toAbsolutePath() + "\n" + png.toAbsolutePath());
        click(By.id("evidence-upload"));
        wait.until(d -> d.findElements(By.cssSelector(".evidence-list .evidence-link")).stream()
                .map(WebElement::getText).toList().containsAll(List.of("bien-ban-kiem-tra.pdf", "anh-hien-truong.png")));
        assertThat(events()).as("one event per file").isEqualTo(before + 2);
        String href = driver.findElement(By.xpath("//a[contains(@class,'evidence-link')][normalize-space()='bien-ban-kiem-tra.pdf']"))
                .getAttribute("href");
        HttpResponse<byte[]> download = get(URI.create(href).getPath());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readAllBytes(pdf));
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        shot("report-evidence");
        axe("report-evidence");
        Files.deleteIfExists(pdf);
        Files.deleteIfExists(png);
        Files.deleteIfExists(dir);
    }

    /** Issue 11: "8,5" typed in Chromium was posted as 85 (a number input reads the comma as a group separator). */
    @Test
    @Order(11)
    void aDecimalCommaIsTheDecimalItMeans() {
        signInAs("yendinh");
        open("/campaigns/" + OPEN + "/pledge/YEN_DINH");
        Map<String, String> values = validPledge();
        values.put("TANG_TRUONG", "1.234");
        fillIndicators(values);
        long before = events();
        submitMainForm();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("v-TANG_TRUONG-error")));
        assertThat(error.getText()).contains("không dùng dấu phân cách hàng nghìn");
        assertThat(events()).as("an ambiguous number is refused, not guessed").isEqualTo(before);

        type(By.id("v-TANG_TRUONG"), "8,5");
        submitMainForm();
        wait.until(ExpectedConditions.urlMatches("/campaigns/" + OPEN + "/units/YEN_DINH$"));
        assertThat(events()).isEqualTo(before + 1);
        // The payload column is BYTEA on PostgreSQL (read as hex text) and binary on H2: read the bytes.
        String stored = new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type"
                + " LIKE ? AND aggregate_identifier LIKE ? ORDER BY global_index DESC LIMIT 1", byte[].class,
                "%.PledgeSubmitted", "%YEN_DINH%"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stored).as("the stored pledge").containsPattern("\"TANG_TRUONG\"\\s*:\\s*\"?8\\.50*\"?[,}]");
    }

    @Test
    @Order(12)
    void keyboardOnlyPledge() {
        signInAs("hatrung");
        open("/campaigns/" + OPEN + "/pledge/HA_TRUNG");
        List<WebElement> controls = driver.findElements(By.cssSelector(
                "main form[method='post'] input:not([type='hidden']), main form[method='post'] select,"
                        + " main form[method='post'] textarea, main form[method='post'] button"));
        List<String> order = controls.stream().map(e -> e.getAttribute("id") != null && !e.getAttribute("id").isEmpty()
                ? e.getAttribute("id") : e.getTagName() + ":" + e.getText()).toList();
        assertThat(order).hasSize(campaigns.require(OPEN).indicators().size() + 1);
        assertThat(order.get(order.size() - 1)).isEqualTo("button:Gửi đăng ký");

        // From the top of the page, TAB until the first field (past the skip link, the bar, the breadcrumb).
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keys = new Actions(driver);
        int presses = 0;
        while (!controls.get(0).equals(driver.switchTo().activeElement()) && presses < 40) {
            keys.sendKeys(Keys.TAB).perform();
            presses++;
        }
        assertThat(driver.switchTo().activeElement()).as("the first field reached with TAB").isEqualTo(controls.get(0));
        System.out.println("[browser] first pledge field reached after " + presses + " TAB presses");

        Map<String, String> values = validPledge();
        long before = events();
        for (int i = 0; i < controls.size(); i++) {
            WebElement expected = controls.get(i);
            WebElement active = driver.switchTo().activeElement();
            assertThat(active).as("focus on %s (step %d)", order.get(i), i).isEqualTo(expected);
            if ("input".equals(expected.getTagName())) {
                keys.sendKeys(values.get(codeOf(expected))).perform();
                assertThat(expected.getDomProperty("value")).isEqualTo(values.get(codeOf(expected)));
            } else if ("select".equals(expected.getTagName())) {
                keys.sendKeys(Keys.ARROW_DOWN).perform();
                assertThat(expected.getDomProperty("value")).as("%s chosen with the arrow key", order.get(i))
                        .isEqualTo("true");
            }
            if (i < controls.size() - 1) {
                keys.sendKeys(Keys.TAB).perform();
            }
        }
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Gửi đăng ký");
        keys.sendKeys(Keys.SPACE).perform();
        wait.until(ExpectedConditions.urlMatches("/campaigns/" + OPEN + "/units/HA_TRUNG$"));
        assertThat(text("header .alert-success")).isEqualTo("Đã ghi nhận đăng ký thi đua.");
        assertThat(events()).isEqualTo(before + 1);

        // The form opened again: the revision is submitted with ENTER on the button.
        open("/campaigns/" + OPEN + "/pledge/HA_TRUNG");
        WebElement growth = driver.findElement(By.id("v-TANG_TRUONG"));
        growth.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12");
        WebElement button = driver.findElement(By.xpath("//main//button[normalize-space()='Gửi đăng ký']"));
        js("arguments[0].focus();", button);
        keys.sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlMatches("/units/HA_TRUNG$"));
        assertThat(text("header .alert-success")).startsWith("Đã ghi nhận đăng ký thi đua");
        assertThat(events()).isEqualTo(before + 2);
    }

    /**
     * A visitor without an account (công khai): the campaigns and the 2021 league table with its charts, read-only;
     * no form, no write control, and "Đăng nhập" to act.
     */
    @Test
    @Order(13)
    void visitorSeesThePublicLeagueTableWithoutSigningIn() {
        closeOtherTabs();
        clearCookies();
        open("/cong-khai");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/cong-khai/campaigns/" + Y2021 + "']")));
        assertThat(path()).isEqualTo("/cong-khai");
        assertThat(text("h1")).isEqualTo("Phong trào thi đua");
        assertThat(driver.findElement(By.cssSelector("header nav")).getText()).contains("Công khai", "Đăng nhập")
                .doesNotContain("Đăng xuất");
        axe("public-campaigns");
        assertThat(AXE_FINDINGS.get("public-campaigns")).as("serious or critical axe findings").isEmpty();

        click(By.cssSelector("main a[href='/cong-khai/campaigns/" + Y2021 + "']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#league tbody tr")));
        waitForCharts();
        assertThat(path()).isEqualTo("/cong-khai/campaigns/" + Y2021);
        assertThat(driver.findElements(By.cssSelector("#league tbody tr"))).hasSize(8);
        assertThat(firstRow()).startsWith("THO_XUAN 103,19");
        assertThat(text("#table-heading")).isEqualTo("Bảng xếp hạng");
        // Read-only: nothing to fill in or submit, no link to a write page or a signed-in page but the sign-in.
        assertThat(driver.findElements(By.cssSelector("form, input, select, textarea, button[type=submit]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href*='/pledge/'], a[href*='/report/'], a[href*='/commendations'],"
                + " a[href*='/launch'], a[href*='/verification'], a[href*='league-table.xlsx'], a[href*='/units/']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main a[href='/login']"))).hasSize(1);
        shot("public-dashboard");
        axe("public-dashboard");
        assertThat(AXE_FINDINGS.get("public-dashboard")).as("serious or critical axe findings").isEmpty();

        click(By.cssSelector("main a[href='/login']"));
        wait.until(d -> path().equals("/login"));
    }

    /** Search from the menu box: "yen dinh" without accents finds Yên Định, and the result opens its page. */
    @Test
    @Order(14)
    void searchFromTheMenuFindsAUnitWithoutAccents() {
        signInAs("kiemtoan");
        type(By.id("nav-q"), "yen dinh");
        driver.findElement(By.id("nav-q")).sendKeys(Keys.ENTER);
        wait.until(d -> path().equals("/search"));
        assertThat(text("h1")).isEqualTo("Tìm kiếm");
        assertThat(text("#search-summary")).contains("kết quả cho “yen dinh”");
        assertThat(text("#hits-units")).isEqualTo("Đơn vị");
        axe("search");
        assertThat(AXE_FINDINGS.get("search")).as("serious or critical axe findings").isEmpty();
        click(By.xpath("//section[h2[@id='hits-units']]//a[normalize-space()='Yên Định']"));
        wait.until(ExpectedConditions.urlMatches("/units/YEN_DINH$"));
        assertThat(text("h1")).contains("Yên Định");
    }

    /** At 390 × 844 (a phone), every button and button-like link of the main pages lies inside the screen. */
    @Test
    @Order(15)
    void buttonsFitOnAPhone() {
        Map<String, List<String>> outside = new LinkedHashMap<>();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            clearCookies();
            fit("public dashboard", "/cong-khai/campaigns/" + Y2021, "#league", outside);
            signInAs("thieuhoa");
            fit("campaigns", "/campaigns", "h1", outside);
            fit("dashboard", "/campaigns/" + OPEN, "#league", outside);
            fit("unit", "/campaigns/" + Y2021 + "/units/" + UNIT, ".indicator-card", outside);
            fit("pledge", "/campaigns/" + OPEN + "/pledge/" + UNIT, "main form", outside);
            fit("report", "/campaigns/" + OPEN + "/report/" + UNIT + "?period=" + PERIOD, "main form", outside);
            fit("import", "/campaigns/" + OPEN + "/import", "#file", outside);
            fit("search", "/search?q=yen+dinh", "#search-summary", outside);
            signInAs("truongcum");
            fit("verification", "/verification", "h1", outside);
            fit("commendations", "/campaigns/" + Y2021 + "/commendations", "h1", outside);
            fit("launch", "/campaigns/launch", "h1", outside);
            signInAs("vanhanh");
            fit("operations", "/operations", "h1", outside);
        } finally {
            driver.manage().window().setSize(new Dimension(ChromeBrowser.WIDTH, ChromeBrowser.HEIGHT));
        }
        assertThat(outside).as("buttons reaching outside a 390 px screen, by page").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void fit(String name, String path, String ready, Map<String, List<String>> outside) {
        open(path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
        List<String> found = (List<String>) js("var w = document.documentElement.clientWidth, out = [];"
                + "if (document.documentElement.scrollWidth > w + 1) { out.push('page ' + document.documentElement.scrollWidth + ' px wide'); }"
                + "document.querySelectorAll('main .btn, main button, header .btn').forEach(function (b) {"
                + "  if (b.closest('.table-responsive') || b.closest('.default-submit') || !b.offsetParent) { return; }"
                + "  var r = b.getBoundingClientRect();"
                + "  if (r.left < -1 || r.right > w + 1) { out.push((b.textContent || '').trim() + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']'); }"
                + "});"
                + "return out;");
        if (!found.isEmpty()) {
            outside.put(name + " " + path, found);
        }
    }

    /**
     * A secret ballot in the closed 2021 campaign: the head opens it from the campaign page, picking the candidates
     * from the lists; three member units vote in three sessions of their own (a choice per candidate, refused until
     * confirmed); everyone sees the turnout; the head closes it and the tally is shown. The seeded ballot is there
     * too, closed, with all eight units' ballots counted.
     */
    @Test
    @Order(13)
    void threeUnitsVoteInASecretBallotAndTheHeadClosesIt() {
        signInAs("truongcum");
        open("/campaigns/" + Y2021);
        click(By.linkText("Bình xét, bỏ phiếu kín"));
        wait.until(ExpectedConditions.urlMatches("/campaigns/" + Y2021 + "/ballots$"));
        refreshUntil(d -> !d.findElements(By.linkText(
                "Bình xét khen thưởng phong trào thi đua năm 2021 của Cụm thi đua số II")).isEmpty());
        new Select(driver.findElement(By.id("candidate-THIEU_HOA"))).selectByVisibleText("Cờ thi đua của UBND tỉnh");
        new Select(driver.findElement(By.id("candidate-HA_TRUNG"))).selectByVisibleText("Bằng khen");
        long before = events();
        click(By.id("open-ballot"));
        wait.until(ExpectedConditions.urlMatches("/ballots/[A-Za-z0-9-]+$"));
        String ballotPath = path();
        assertThat(text("header .alert-success")).isEqualTo("Đã mở phiên bỏ phiếu kín.");
        assertThat(text("h1")).isEqualTo("Bình xét khen thưởng phong trào thi đua năm 2021");
        assertThat(text("#ballot-status")).isEqualTo("Đang bỏ phiếu");
        assertThat(text("#turnout")).isEqualTo("0/8 đơn vị đã bỏ phiếu");
        assertThat(events()).isEqualTo(before + 1);

        String[][] votes = {{"thieuhoa", "FOR", "FOR"}, {"hatrung", "AGAINST", "FOR"}, {"yendinh", "ABSTAIN", "AGAINST"}};
        for (int v = 0; v < votes.length; v++) {
            signInAs(votes[v][0]);
            open(ballotPath);
            click(choice("THIEU_HOA:PROVINCIAL_FLAG", votes[v][1]));
            click(choice("HA_TRUNG:CERTIFICATE_OF_MERIT", votes[v][2]));
            long beforeVote = events();
            click(By.id("cast-vote"));
            wait.until(d -> !d.findElements(By.id("confirm-error")).isEmpty());
            assertThat(text("#confirm-error")).isEqualTo("Vui lòng đánh dấu xác nhận trước khi bỏ phiếu.");
            assertThat(events()).as("an unconfirmed ballot records nothing").isEqualTo(beforeVote);
            assertThat(driver.findElement(choice("THIEU_HOA:PROVINCIAL_FLAG", votes[v][1])).isSelected())
                    .as("the choices stay as chosen").isTrue();
            click(By.id("confirm"));
            click(By.id("cast-vote"));
            wait.until(d -> !d.findElements(By.id("already-voted")).isEmpty());
            assertThat(text("header .alert-success")).isEqualTo("Đã ghi nhận phiếu bầu của đơn vị.");
            assertThat(text("#turnout")).isEqualTo((v + 1) + "/8 đơn vị đã bỏ phiếu");
            assertThat(driver.findElements(By.id("cast-vote"))).as("no second vote offered").isEmpty();
            assertThat(events()).isEqualTo(beforeVote + 1);
            if (v == 0) {
                shot("ballot-voted");
                axe("ballot");
            }
        }

        signInAs("kiemtoan");
        open(ballotPath);
        assertThat(text("#turnout")).isEqualTo("3/8 đơn vị đã bỏ phiếu");
        assertThat(driver.findElements(By.id("results"))).as("no tally while open").isEmpty();
        assertThat(driver.findElements(By.id("close-ballot"))).isEmpty();

        signInAs("truongcum");
        open(ballotPath);
        click(By.id("close-ballot"));
        wait.until(d -> "Đã kết thúc".equals(d.findElement(By.id("ballot-status")).getText().trim()));
        assertThat(text("header .alert-success")).startsWith("Đã kết thúc bỏ phiếu");
        assertThat(tally("THIEU_HOA:PROVINCIAL_FLAG")).containsExactly("1", "1", "1", "3");
        assertThat(tally("HA_TRUNG:CERTIFICATE_OF_MERIT")).containsExactly("2", "1", "0", "3");
        shot("ballot-closed");

        open("/ballots/bk-cum-ii-2021");
        assertThat(text("#ballot-status")).isEqualTo("Đã kết thúc");
        assertThat(text("#turnout")).isEqualTo("8/8 đơn vị đã bỏ phiếu");
        assertThat(tally("THIEU_HOA:PROVINCIAL_FLAG")).containsExactly("6", "1", "1", "8");
        assertThat(tally("HA_TRUNG:CERTIFICATE_OF_MERIT")).containsExactly("7", "0", "1", "8");
    }

    /** The radio button of one choice on one candidate of the vote form. */
    static By choice(String candidate, String choice) {
        return By.cssSelector("fieldset[data-candidate='" + candidate + "'] input[value='" + choice + "']");
    }

    /** A candidate's row of the tally: for, against, abstaining, cast. */
    List<String> tally(String candidate) {
        List<WebElement> cells = driver.findElements(By.cssSelector("#results tr[data-candidate='" + candidate
                + "'] td.text-end"));
        return cells.stream().map(c -> c.getText().trim()).toList();
    }

    /** axe-core and a screenshot on every main page, as the user who would open it. */
    @Test
    @Order(13)
    void anInspectorFromAnotherUnitFixesAValueWithAReason() {
        // Thiệu Hóa files its year-end report.
        signInAs("thieuhoa");
        open("/campaigns/" + OPEN + "/report/" + UNIT + "?period=CUOI_KY");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("v-TANG_TRUONG")));
        type(By.id("v-TANG_TRUONG"), "8");
        type(By.id("v-THU_NGAN_SACH"), "102");
        new Select(driver.findElement(By.id("v-KHONG_DICH"))).selectByValue("true");
        submitMainForm();
        wait.until(ExpectedConditions.urlMatches("/units/" + UNIT + "$"));

        // The head sends Yên Định to inspect Thiệu Hóa's year-end report.
        signInAs("truongcum");
        open("/campaigns/" + OPEN + "/inspections");
        new Select(driver.findElement(By.id("periodCode"))).selectByValue("CUOI_KY");
        new Select(driver.findElement(By.id("inspectorUnit"))).selectByValue("YEN_DINH");
        click(By.id("inspected-" + UNIT));
        long before = events();
        click(By.xpath("//button[normalize-space()='Phân công']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header .alert-success"),
                "Đã phân công đoàn kiểm tra chéo"));
        assertThat(events()).isEqualTo(before + 1);
        assertThat(text("main table")).contains("Báo cáo cuối kỳ", "Yên Định", "Thiệu Hóa");
        axe("inspections");

        // An officer of Yên Định finds the report in its queue and changes a value: the reason is required.
        signInAs("yendinh");
        open("/verification");
        String key = OPEN + "__" + UNIT + "__CUOI_KY";
        WebElement section = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(key)));
        assertThat(section.getText()).contains("Thiệu Hóa");
        driver.findElement(By.id(key + "-fix-TANG_TRUONG")).sendKeys("7,5");
        driver.findElement(By.id(key + "-comment")).sendKeys("Đoàn kiểm tra chéo huyện Yên Định.");
        long beforeVerify = events();
        click(section.findElement(By.cssSelector("button[value='VERIFIED']")));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id(key + "-reason-TANG_TRUONG-error")));
        assertThat(error.getText()).contains("cần ghi lý do sửa");
        assertThat(events()).isEqualTo(beforeVerify);
        section = driver.findElement(By.id(key));
        driver.findElement(By.id(key + "-reason-TANG_TRUONG")).sendKeys("Theo niên giám thống kê, tăng trưởng 7,5%.");
        click(section.findElement(By.cssSelector("button[value='VERIFIED']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header .alert-success"),
                "Đã xác nhận báo cáo của Thiệu Hóa"));
        assertThat(events()).isEqualTo(beforeVerify + 1);
    }

    @Test
    @Order(20)
    void mainPagesAreAccessibleAndPhotographed() {
        signInAs("kiemtoan");
        pageCheck("campaigns", "/campaigns", "h1");
        pageCheck("dashboard", "/campaigns/" + Y2021, "#league");
        pageCheck("unit", "/campaigns/" + Y2021 + "/units/" + UNIT, ".indicator-card");
        pageCheck("audit", "/audit?campaignId=" + Y2021, "h1");

        signInAs("thieuhoa");
        pageCheck("pledge", "/campaigns/" + OPEN + "/pledge/" + UNIT, "#v-THU_NGAN_SACH");
        pageCheck("report", "/campaigns/" + OPEN + "/report/" + UNIT + "?period=" + PERIOD, "#v-TANG_TRUONG");

        signInAs("truongcum");
        pageCheck("verification", "/verification", "h1");
        pageCheck("commendations", "/campaigns/" + Y2021 + "/commendations", "h1");
        pageCheck("approved-table", "/campaigns/" + Y2021 + "/inspections", "#approval-heading");
        pageCheck("launch", "/campaigns/launch", "h1");

        signInAs("vanhanh");
        pageCheck("operations", "/operations", "tr[data-projection]");

        signInAs("thieuhoa");
        pageCheck("import", "/campaigns/" + OPEN + "/import", "#file");

        clearCookies();
        pageCheck("login", "/login", "#username");

        // Every page's result in one run: all of them printed, then one assertion.
        System.out.println("[axe] summary (WCAG 2 A/AA; violations by impact):");
        AXE_SUMMARY.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("[axe]   " + e.getKey() + ": " + e.getValue()));
        Map<String, List<String>> serious = AXE_FINDINGS.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
        assertThat(AXE_SUMMARY.keySet()).contains("login", "campaigns", "dashboard", "unit", "pledge", "report",
                "verification", "commendations", "audit", "operations", "launch", "import");
        assertThat(serious).as("serious or critical axe-core violations, by page").isEmpty();
    }

    /**
     * The Content-Security-Policy (no inline script or style) holds on the main pages: none logs a violation in the
     * console, charts and progress bars included.
     */
    @Test
    @Order(21)
    void mainPagesRaiseNoContentSecurityPolicyViolation() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        clearCookies();
        open("/login");
        cspViolations("login", violations);
        signInAs("kiemtoan");
        for (String page : List.of("/campaigns", "/campaigns/" + Y2021, "/campaigns/" + Y2021 + "/units/" + UNIT,
                "/audit?campaignId=" + Y2021)) {
            open(page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
            if (!driver.findElements(By.cssSelector(".chart")).isEmpty()) {
                waitForCharts();
            }
            cspViolations(page, violations);
        }
        open("/campaigns/" + Y2021 + "/units/" + UNIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".progress-bar[data-percent]")));
        assertThat(driver.findElement(By.cssSelector(".progress-bar[data-percent]")).getAttribute("style"))
                .as("the bar's width is set by bars.js").contains("width");
        cspViolations("unit again", violations);
        signInAs("truongcum");
        open("/campaigns/launch");
        cspViolations("launch", violations);
        signInAs("vanhanh");
        open("/operations");
        cspViolations("operations", violations);
        open("/no-such-page");
        cspViolations("error page", violations);
        assertThat(violations).as("Content-Security-Policy violations in the console, by page").isEmpty();
    }

    private void cspViolations(String page, Map<String, List<String>> found) {
        List<String> here = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        if (!here.isEmpty()) {
            found.put(page, here);
        }
    }

    // ============================================================================================== helpers

    void pageCheck(String name, String path, String ready) {
        open(path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
        if (!driver.findElements(By.cssSelector(".chart")).isEmpty()) {
            waitForCharts();
        }
        assertThat(text("h1")).as("%s has a heading", name).isNotBlank();
        assertThat(text("h1")).as("%s is not an error page", name).isNotEqualTo("Có lỗi");
        if (!SHOTS.contains(name)) {
            shot(name);
        }
        axe(name);
    }

    void signInAs(String username) {
        closeOtherTabs();
        clearCookies();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), PASSWORD);
        click(By.cssSelector("main form button[type=submit]"));
        // After sign-in Spring returns to the request it saved, which may be a page or asset the previous user's
        // tab asked for after its cookies were cleared: wait until signed in, then start from the campaigns.
        wait.until(d -> !path().equals("/login") && !path().startsWith("/login"));
        if (!path().equals("/campaigns")) {
            open("/campaigns");
            wait.until(d -> path().equals("/campaigns"));
        }
    }

    /** The current page's path, without the query. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * Clicks like a person: the element scrolled to the middle of the window first. Instantly: Bootstrap's
     * {@code scroll-behavior: smooth} would otherwise leave it still moving (below the window) when clicked.
     */
    void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    void click(By by) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(by)));
    }

    /** Forgets the session (and the language cookie); a fresh browser on about:blank has none to forget. */
    void clearCookies() {
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
            driver.manage().deleteAllCookies();
        }
    }

    void closeOtherTabs() {
        List<String> handles = new ArrayList<>(driver.getWindowHandles());
        String keep = handles.get(0);
        for (String h : handles.subList(1, handles.size())) {
            driver.switchTo().window(h);
            driver.close();
        }
        driver.switchTo().window(keep);
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }

    void type(By by, String value) {
        WebElement e = driver.findElement(by);
        e.clear();
        e.sendKeys(value);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** A complete pledge at the cluster's floors (yes/no achieved; 10 where there is no floor), by indicator code. */
    Map<String, String> validPledge() {
        CampaignTerms terms = campaigns.require(OPEN);
        Map<String, String> values = new LinkedHashMap<>();
        for (Indicator i : terms.indicators().values()) {
            values.put(i.code(), i.kind() == IndicatorKind.QUALITATIVE ? "true"
                    : i.floor() != null ? i.floor().stripTrailingZeros().toPlainString() : "10");
        }
        return values;
    }

    static String codeOf(WebElement field) {
        return field.getAttribute("id").substring(2);
    }

    void fillIndicators(Map<String, String> values) {
        values.forEach((code, value) -> {
            WebElement e = driver.findElement(By.id("v-" + code));
            if ("select".equals(e.getTagName())) {
                new Select(e).selectByValue(value);
            } else {
                e.clear();
                e.sendKeys(value);
            }
        });
    }

    void submitMainForm() {
        WebElement button = driver.findElement(By.cssSelector("main form[method='post'] button[type=submit]"));
        click(button);
    }

    String cardText(String indicator) {
        List<WebElement> cards = driver.findElements(By.cssSelector(".indicator-card[data-indicator='" + indicator + "']"));
        return cards.isEmpty() ? "" : cards.get(0).getText();
    }

    /** Reloads the page until the condition holds: projections are asynchronous. */
    void refreshUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PROJECTION_WAIT, Duration.ofMillis(500)).until(d -> {
            try {
                if (Boolean.TRUE.equals(condition.apply(d))) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not there yet
            }
            d.navigate().refresh();
            return false;
        });
    }

    String firstRow() {
        WebElement row = driver.findElement(By.cssSelector("#league tbody tr"));
        return row.getAttribute("data-unit") + " " + row.findElement(By.cssSelector("td:nth-of-type(2) span")).getText();
    }

    static BigDecimal number(String vietnamese) {
        return new BigDecimal(vietnamese.trim().replace(".", "").replace(',', '.'));
    }

    void waitForCharts() {
        wait.until(d -> Boolean.TRUE.equals(js("var c = document.querySelectorAll('.chart');"
                + "return c.length === 0 || Array.prototype.every.call(c, function (e) { return !!e.querySelector('svg, canvas'); });")));
    }

    /** A PNG of the whole page (up to 2,400 px high) at 1366 px wide. */
    void shot(String name) {
        SHOTS.add(name);
        try {
            Path dir = screenshotDir();
            Files.createDirectories(dir);
            Number height = (Number) js("return Math.ceil(Math.max(document.documentElement.scrollHeight,"
                    + " document.body.scrollHeight));");
            int h = Math.max(ChromeBrowser.HEIGHT, Math.min(2400, height.intValue()));
            driver.manage().window().setSize(new Dimension(ChromeBrowser.WIDTH, h));
            try {
                js("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
                Thread.sleep(250); // let the charts follow the resize
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.manage().window().setSize(new Dimension(ChromeBrowser.WIDTH, ChromeBrowser.HEIGHT));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs axe-core (WCAG 2 A and AA) on the page; prints every violation, keeps the serious and critical ones. */
    void axe(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", page, results.getErrorMessage()).isFalse();
        Map<String, Integer> byImpact = new java.util.TreeMap<>();
        List<String> refused = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String impact = String.valueOf(rule.getImpact());
            byImpact.merge(impact, rule.getNodes().size(), Integer::sum);
            for (CheckedNode node : rule.getNodes()) {
                String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replaceAll("\\s+", " ");
                String line = rule.getId() + " [" + impact + "] " + node.getTarget() + " — " + rule.getHelp()
                        + " — " + summary;
                System.out.println("[axe] " + page + ": " + line);
                if (IMPACTS_REFUSED.contains(impact)) {
                    refused.add(line);
                }
            }
        }
        AXE_SUMMARY.put(page, (byImpact.isEmpty() ? "no violations" : byImpact.toString()) + " at "
                + driver.getCurrentUrl().replace("http://localhost:" + port, ""));
        AXE_FINDINGS.put(page, refused);
    }

    /** GET with the browser's session cookie (downloads are awkward to catch inside the browser). */
    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        Set<Cookie> cookies = driver.manage().getCookies();
        String header = cookies.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", header).timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
