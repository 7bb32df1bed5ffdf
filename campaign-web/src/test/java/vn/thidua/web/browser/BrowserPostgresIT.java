package vn.thidua.web.browser;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnPostgres;

import java.nio.file.Path;

/**
 * The browser scenarios on PostgreSQL (profile {@code postgres}) with the demo data, in a database created for this
 * class and dropped after it. Skipped when PostgreSQL is unreachable (failed instead when
 * {@code THIDUA_REQUIRE_POSTGRES=1}) or when the browser is missing (failed when {@code THIDUA_REQUIRE_BROWSER=1}).
 */
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thidua.demo.enabled=true", "thidua.demo.password=" + BrowserScenarios.PASSWORD})
class BrowserPostgresIT extends BrowserScenarios {

    @Override
    Path screenshotDir() {
        return Path.of("target", "screenshots", "postgres");
    }
}
