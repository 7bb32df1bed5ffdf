package vn.thidua.web.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database for one test class. Before the class: connects to the maintenance database
 * ({@code THIDUA_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user
 * {@code THIDUA_TEST_PG_USER} default {@code postgres}, password {@code THIDUA_TEST_PG_PASSWORD} default none) and
 * creates {@code thidua_it_<random>}; after the class it drops it (best effort). When PostgreSQL cannot be reached
 * the class is skipped, unless {@code THIDUA_REQUIRE_POSTGRES=1}: then it fails.
 *
 * <p>Spring test classes use it through {@link OnPostgres}: registered with {@code @ExtendWith} <em>before</em>
 * {@code @SpringBootTest} (so its after-all runs once Spring has closed a {@code @DirtiesContext} context), and as the
 * context's initializer, which points the application at the class's database.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback,
        ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static volatile String currentUrl;

    public static String adminUrl() {
        return env("THIDUA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    public static String user() {
        return env("THIDUA_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("THIDUA_TEST_PG_PASSWORD", "");
    }

    public static boolean required() {
        return "1".equals(System.getenv("THIDUA_REQUIRE_POSTGRES"));
    }

    /** Points the application at the database created for the running class (the profile is {@link OnPostgres}'s). */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresDatabase", Map.of(
                "spring.datasource.url", url(),
                "spring.datasource.username", user(),
                "spring.datasource.password", password(),
                "spring.datasource.hikari.maximum-pool-size", "8")));
    }

    public static String url() {
        String url = currentUrl;
        if (url == null) {
            throw new IllegalStateException("no PostgreSQL test database: register " + PostgresDatabase.class.getName()
                    + " with @ExtendWith on the test class");
        }
        return url;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String name;
        try {
            name = createDatabase();
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable or refuses CREATE DATABASE at " + adminUrl() + " as " + user()
                    + ": " + e.getMessage();
            if (required()) {
                Assertions.fail(why + " (THIDUA_REQUIRE_POSTGRES=1, so this fails instead of skipping)", e);
            }
            System.err.println("[PostgresDatabase] " + why + " — skipping " + context.getDisplayName());
            Assumptions.abort(why + " — skipping; set THIDUA_REQUIRE_POSTGRES=1 to fail instead");
            return;
        }
        store(context).put("database", name);
        currentUrl = databaseUrl(name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String name = store(context).remove("database", String.class);
        currentUrl = null;
        if (name != null) {
            dropDatabase(name);
        }
    }

    /** Creates a database {@code thidua_it_<random>} and answers its name (for tests not run by JUnit Jupiter). */
    public static String createDatabase() throws SQLException {
        String name = "thidua_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** Drops a database made by {@link #createDatabase} (best effort). */
    public static void dropDatabase(String name) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("[PostgresDatabase] could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** Whether PostgreSQL answers at {@link #adminUrl()}. */
    public static boolean reachable() {
        try (Connection c = connect()) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    public static String databaseUrl(String database) {
        Matcher m = JDBC_URL.matcher(adminUrl());
        if (!m.matches()) {
            throw new IllegalStateException("THIDUA_TEST_PG_URL must look like jdbc:postgresql://host:port/db, not "
                    + adminUrl());
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        Properties props = new Properties();
        props.setProperty("user", user());
        if (!password().isEmpty()) {
            props.setProperty("password", password());
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(adminUrl(), props);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(PostgresDatabase.class, context.getRequiredTestClass()));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

}
