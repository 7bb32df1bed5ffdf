package vn.thidua.web.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.thidua.web.testsupport.PostgresDatabase;

import java.nio.file.Path;

/**
 * The browser scenarios on PostgreSQL (profile {@code postgres}) with the demo data, in a database created for this
 * class and dropped after it. Skipped when PostgreSQL is unreachable (failed instead when
 * {@code THIDUA_REQUIRE_POSTGRES=1}) or when the browser is missing (failed when {@code THIDUA_REQUIRE_BROWSER=1}).
 */
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thidua.demo.enabled=true", "thidua.demo.password=" + BrowserScenarios.PASSWORD})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrowserPostgresIT extends BrowserScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Override
    Path screenshotDir() {
        return Path.of("target", "screenshots", "postgres");
    }
}
