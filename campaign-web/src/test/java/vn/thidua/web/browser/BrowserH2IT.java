package vn.thidua.web.browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/** The browser scenarios on the embedded default: an in-memory H2 database of this class's own, with the demo data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thidua.demo.enabled=true", "thidua.demo.password=" + BrowserScenarios.PASSWORD})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrowserH2IT extends BrowserScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String name = "browser_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    Path screenshotDir() {
        return Path.of("target", "screenshots");
    }
}
