package vn.thidua.web.integrity;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.thidua.web.testsupport.PostgresDatabase;
import vn.thidua.web.testsupport.OnPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hash chain and the archive on PostgreSQL (profile {@code postgres}): the class's own database, and fresh
 * ones (created here, dropped after the class) for the imports.
 */
@OnPostgres
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {IntegrityScenarios.NO_DEMO, IntegrityScenarios.ADMIN_USER, IntegrityScenarios.ADMIN_PASSWORD})
class IntegrityPostgresIT extends IntegrityScenarios {
    private static final List<String> CREATED = new ArrayList<>();

    @Override
    Map<String, Object> freshDatabase() {
        return Map.of("spring.datasource.url", create(), "spring.datasource.username", PostgresDatabase.user(),
                "spring.datasource.password", PostgresDatabase.password(), "spring.profiles.active", "postgres",
                "spring.datasource.hikari.maximum-pool-size", "6");
    }

    @Override
    JdbcTemplate freshMigratedDatabase() {
        DriverManagerDataSource data = new DriverManagerDataSource(create(), PostgresDatabase.user(),
                PostgresDatabase.password());
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(data);
    }

    /** A new database beside the class's own (same server, same credentials): its JDBC URL. */
    private static String create() {
        String name = "thidua_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        CREATED.add(name);
        String url = PostgresDatabase.url();
        return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @AfterAll
    static void dropCreated() {
        for (String name : CREATED) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("[IntegrityPostgresIT] could not drop " + name + ": " + e.getMessage());
            }
        }
        CREATED.clear();
    }

    private static void execute(String sql) {
        String password = PostgresDatabase.password();
        try (Connection c = DriverManager.getConnection(PostgresDatabase.adminUrl(), PostgresDatabase.user(),
                password.isEmpty() ? null : password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
