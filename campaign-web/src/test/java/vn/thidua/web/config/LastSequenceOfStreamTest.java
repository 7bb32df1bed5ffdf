package vn.thidua.web.config;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream-head read behind the aggregate cache's check and the campaign terms, on the real schema (H2). */
class LastSequenceOfStreamTest {
    private final JdbcTemplate jdbc = migrated();

    private static JdbcTemplate migrated() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private void append(String stream, long sequence) {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload) VALUES (?, ?, ?, 'Participation', ?, 'x.Y', ?)",
                UUID.randomUUID().toString(), stream, sequence, "2025-01-01T00:00:00Z", new byte[]{'{', '}'});
    }

    @Test
    void answersTheHighestSequenceOfThatStreamOnly() {
        for (long s = 0; s <= 2; s++) {
            append("participation-a", s);
        }
        for (long s = 0; s <= 7; s++) {
            append("participation-b", s);
        }
        append("participation-a", 3);

        assertThat(AxonConfig.lastSequenceOf(jdbc, "participation-a")).contains(3L);
        assertThat(AxonConfig.lastSequenceOf(jdbc, "participation-b")).contains(7L);
    }

    @Test
    void anEmptyStreamHasNoLastSequence() {
        append("participation-a", 0);

        assertThat(AxonConfig.lastSequenceOf(jdbc, "participation-none")).isEqualTo(Optional.empty());
    }
}
