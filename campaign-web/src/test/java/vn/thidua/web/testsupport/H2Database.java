package vn.thidua.web.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/** An in-memory H2 database of its own for each Spring context: two contexts on one named database break each other. */
public final class H2Database {
    private H2Database() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String name = "thidua_it_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }
}
