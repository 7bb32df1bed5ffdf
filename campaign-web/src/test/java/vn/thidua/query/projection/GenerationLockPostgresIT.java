package vn.thidua.query.projection;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.web.testsupport.PostgresDatabase;
import vn.thidua.web.testsupport.Waits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serving-generation lock on PostgreSQL, with real concurrent transactions: live batches share it, and a
 * rebuild's switch, which takes it exclusively, gets it while batches keep arriving (a shared row lock would let
 * new batches overtake the waiting switch for as long as they overlap). Lives in the projection package for the
 * switch's package-private lock; in this module for its PostgreSQL test support.
 */
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
class GenerationLockPostgresIT {
    private static final String NAME = "audit";
    private static final int WRITERS = 4;

    @Test
    void noBatchOfTheOldGenerationCommitsAfterASwitchAndTheSwitchGetsInWhileBatchesKeepComing() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresDatabase.url(),
                PostgresDatabase.user(), PostgresDatabase.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE SEQUENCE probe_order");
        jdbc.execute("CREATE TABLE probe (generation INTEGER NOT NULL, committed_order BIGINT NOT NULL)");
        ProjectionStates states = new ProjectionStates(jdbc, Clock.systemUTC());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        AtomicBoolean switched = new AtomicBoolean();
        ConcurrentLinkedQueue<Integer> seenAfterSwitch = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        long writeUntil = System.nanoTime() + 20_000_000_000L;
        for (int i = 0; i < WRITERS; i++) {
            int offset = i;
            Thread writer = new Thread(() -> {
                try {
                    Waits.sleep(offset * 15L); // staggered, so that at every moment some batch holds the lock
                    while (System.nanoTime() < writeUntil && seenAfterSwitch.size() < 2 * WRITERS) {
                        boolean switchDoneBefore = switched.get();
                        int generation = tx.execute(s -> {
                            int g = states.generationForWrite(NAME);
                            Waits.sleep(60); // the batch's writes
                            // Taken last, just before the commit: the order in which batches end.
                            jdbc.update("INSERT INTO probe VALUES (?, nextval('probe_order'))", g);
                            return g;
                        });
                        if (switchDoneBefore) {
                            seenAfterSwitch.add(generation);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            }, "batch-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
        long switchOrder;
        try {
            // Switch only once batches of the old generation have ended (and others are under way).
            while (jdbc.queryForObject("SELECT COUNT(*) FROM probe", Long.class) < WRITERS
                    && System.nanoTime() < writeUntil) {
                Waits.sleep(20);
            }
            switchOrder = tx.execute(s -> {
                states.lockedGeneration(NAME);
                // Acquired: the batches must still be arriving, or the lock was only had once they stopped.
                assertThat(System.nanoTime()).as("switch acquired before the writers gave up").isLessThan(writeUntil);
                jdbc.update("UPDATE projection_state SET active_generation = 1 WHERE name = ?", NAME);
                return jdbc.queryForObject("SELECT nextval('probe_order')", Long.class);
            });
            switched.set(true);
        } finally {
            for (Thread writer : writers) {
                writer.join(30_000);
            }
        }

        assertThat(failures).as("batches that failed").isEmpty();
        assertThat(jdbc.queryForList("SELECT committed_order FROM probe WHERE generation = 0", Long.class))
                .as("batches that wrote the old generation").isNotEmpty().allSatisfy(
                        order -> assertThat(order).as("ended before the switch").isLessThan(switchOrder));
        assertThat(seenAfterSwitch).isNotEmpty().containsOnly(1);
    }
}
