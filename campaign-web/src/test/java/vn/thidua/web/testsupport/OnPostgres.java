package vn.thidua.web.testsupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring test class on PostgreSQL (profile {@code postgres}), in a database created for the class and dropped after
 * it ({@link PostgresDatabase}), in a context closed after the class. Tagged {@code postgres}: skipped when PostgreSQL
 * is unreachable, failed instead when {@code THIDUA_REQUIRE_POSTGRES=1}. Put it <em>before</em> the class's
 * {@code @SpringBootTest}, so that the database is dropped once Spring has closed the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface OnPostgres {
}
