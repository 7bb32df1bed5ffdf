package vn.thidua.web.integrity;

import org.flywaydb.core.Flyway;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.thidua.web.testsupport.OnH2;

import java.util.Map;
import java.util.UUID;

/** The hash chain and the archive on the embedded H2 database (in memory, its own; fresh ones for the imports). */
@OnH2
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {IntegrityScenarios.NO_DEMO, IntegrityScenarios.ADMIN_USER, IntegrityScenarios.ADMIN_PASSWORD})
class IntegrityH2IT extends IntegrityScenarios {

    @Override
    Map<String, Object> freshDatabase() {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    @Override
    JdbcTemplate freshMigratedDatabase() {
        DriverManagerDataSource data = new DriverManagerDataSource(url(), "sa", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(data);
    }

    private static String url() {
        return "jdbc:h2:mem:thidua_restore_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
