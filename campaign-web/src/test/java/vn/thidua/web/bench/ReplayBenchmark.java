package vn.thidua.web.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.scoring.CampaignHistory;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.scoring.LeagueTableCalculator;
import vn.thidua.query.league.CampaignHistories;
import vn.thidua.query.league.LeagueTableProjection;
import vn.thidua.query.league.LeagueTableStore;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.EventJson;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The league-table replay benchmark (see BENCHMARKS.md, "Replay"). Not a timed test: it asserts only that the
 * rebuilt tables are right, never how fast they were built.
 *
 * <p>Creates a fresh PostgreSQL database, migrates it with Flyway, writes at least {@code bench.events} events of
 * realistic campaign history, then measures, interleaved and {@code bench.runs} times each: the raw rate of reading
 * every event row in global order over JDBC and parsing its payload with Jackson, the same through
 * {@link EventTable#forEach}, and {@code ProjectionRebuilder.replayNow("league-table")}, with the peak heap of each
 * rebuild. No Spring context: the components are built by hand on a Hikari pool.
 *
 * <p>System properties: bench.events (1000000), bench.campaignsPerRound (50), bench.runs (3), bench.host
 * (127.0.0.1), bench.port (5432), bench.user (postgres), bench.password (empty), bench.db (reuse this database and
 * skip generation when it already holds events), bench.keep (false: the database is dropped at the end),
 * bench.breakdown (false; true: time fold, scoring and writing separately once at the end — it holds every
 * campaign in memory, so run it with a larger HEAP).
 */
@Tag("benchmark")
class ReplayBenchmark {
    private static final String COLUMNS = "global_index, time_stamp, aggregate_identifier, sequence_number, "
            + "payload_type, payload, meta_data";

    private final long targetEvents = Long.getLong("bench.events", 1_000_000);
    private final int campaignsPerRound = Integer.getInteger("bench.campaignsPerRound", 50);
    private final int runs = Integer.getInteger("bench.runs", 3);
    private final String host = System.getProperty("bench.host", "127.0.0.1");
    private final int port = Integer.getInteger("bench.port", 5432);
    private final String user = System.getProperty("bench.user", "postgres");
    private final String password = System.getProperty("bench.password", "");
    private final boolean keep = Boolean.getBoolean("bench.keep");
    private final boolean breakdown = Boolean.parseBoolean(System.getProperty("bench.breakdown", "false"));

    private final StringBuilder report = new StringBuilder();

    @Test
    void replayLeagueTable() throws Exception {
        String reuse = System.getProperty("bench.db");
        String database = reuse != null && !reuse.isBlank() ? reuse
                : "thidua_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        boolean created = false;
        if (reuse == null || reuse.isBlank() || !exists(database)) {
            admin("CREATE DATABASE " + database);
            created = true;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            run(dataSource, database, created);
        } finally {
            dataSource.close();
            if (!keep && (created || reuse == null)) {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                line("database %s dropped (pass -Dbench.keep=true to keep it)", database);
            } else {
                line("database %s kept", database);
            }
            write();
        }
    }

    private void run(HikariDataSource dataSource, String database, boolean created) throws Exception {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Clock clock = Clock.systemUTC();
        EventTable events = new EventTable(jdbc, transactions);
        ProjectionStates states = new ProjectionStates(jdbc, clock);
        LeagueTableStore store = new LeagueTableStore(jdbc);
        CampaignHistories histories = new CampaignHistories(events);
        LeagueTableProjection projection = new LeagueTableProjection(histories, store, states, clock);
        ProjectionRebuilder rebuilder = new ProjectionRebuilder(List.of(projection), states, events, transactions);

        machine(jdbc);
        line("database: %s", database);

        // ---- history
        double generationSeconds = Double.NaN;
        Map<String, Long> byType;
        if (events.count() == 0) {
            HistoryGenerator generator = new HistoryGenerator(20251107L, campaignsPerRound);
            long start = System.nanoTime();
            long written = generator.generate(dataSource, targetEvents);
            generationSeconds = seconds(start);
            byType = generator.countsByType();
            line("generated: %,d events in %.1f s (%,.0f events/s, binary COPY), %d campaigns of %d units,"
                            + " %d indicators in %d contents, %d periods; %d campaigns closed, %d open",
                    written, generationSeconds, written / generationSeconds, generator.campaignIds().size(),
                    HistoryGenerator.UNITS, HistoryGenerator.INDICATORS, HistoryGenerator.CONTENTS,
                    HistoryGenerator.PERIODS, generator.campaignIds().size() - generator.openCampaignIds().size(),
                    generator.openCampaignIds().size());
            long vacuum = System.nanoTime();
            jdbc.execute("VACUUM ANALYZE domain_event_entry");
            line("VACUUM ANALYZE: %.1f s", seconds(vacuum));
        } else {
            byType = new TreeMap<>();
            jdbc.query("SELECT payload_type, COUNT(*) FROM domain_event_entry GROUP BY payload_type",
                    (ResultSet rs) -> {
                        String t = rs.getString(1);
                        byType.put(t.substring(t.lastIndexOf('.') + 1), rs.getLong(2));
                    });
            line("reusing the events already in %s", database);
        }
        long head = events.headPosition();
        long count = events.count();
        line("events: %,d (head position %,d); by type: %s", count, head, byType);
        line("table size: %s", jdbc.queryForObject(
                "SELECT pg_size_pretty(pg_total_relation_size('domain_event_entry'))", String.class));

        // ---- measurements
        List<Double> plain = new ArrayList<>();
        List<Double> table = new ArrayList<>();
        List<Double> rebuild = new ArrayList<>();
        List<Long> peaks = new ArrayList<>();
        line("");
        line("warm-up (not counted):");
        measure("  raw, plain JDBC + Jackson", count, () -> plainRead(dataSource, head));
        measure("  raw, EventTable.forEach", count, () -> eventTableRead(events, head));
        Rebuilt warm = rebuild(rebuilder, jdbc);
        line("  rebuild: %s", warm);
        boolean fits = warm.ok();
        for (int i = 1; i <= runs; i++) {
            line("run %d:", i);
            plain.add(measure("  raw, plain JDBC + Jackson", count, () -> plainRead(dataSource, head)));
            table.add(measure("  raw, EventTable.forEach", count, () -> eventTableRead(events, head)));
            if (!warm.ok()) {
                line("  rebuild: skipped, the warm-up rebuild did not fit in this heap");
                continue;
            }
            Rebuilt r = rebuild(rebuilder, jdbc);
            line("  rebuild: %s", r);
            if (r.ok()) {
                rebuild.add(r.rate());
                peaks.add(r.peakHeap());
            } else {
                fits = false;
            }
        }

        line("");
        line("RESULTS (%,d events, median of %d interleaved runs)", count, runs);
        line("  raw (plain JDBC read + Jackson parse of payload): median %,.0f events/s   all %s", median(plain),
                rates(plain));
        line("  raw via EventTable.forEach (+ metadata, instant):  median %,.0f events/s   all %s", median(table),
                rates(table));
        if (rebuild.isEmpty()) {
            line("  rebuild (replayNow(\"league-table\")):              FAILED in every run (see above)");
        } else {
            double ratio = median(rebuild) / median(plain);
            line("  rebuild (replayNow(\"league-table\")):              median %,.0f events/s   all %s",
                    median(rebuild), rates(rebuild));
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(rebuild.size(), plain.size()); i++) {
                ratios.add(rebuild.get(i) / plain.get(i));
            }
            line("  ratio rebuild / raw:                               %.3f (per run: %s)  target >= 0.30: %s",
                    ratio, ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList(),
                    ratio >= 0.3 ? "MET" : "NOT MET");
            long peak = peaks.stream().mapToLong(Long::longValue).max().orElse(0);
            line("  peak heap during rebuild:                          %s (max of runs; all %s)  max heap %s",
                    mib(peak), peaks.stream().map(ReplayBenchmark::mib).toList(), mib(Runtime.getRuntime().maxMemory()));
        }
        line("  heap target (rebuild fits in 512 MiB): %s", fits && Runtime.getRuntime().maxMemory() <= 512L << 20
                ? "MET" : fits ? "not proven (run with -Xmx512m)" : "NOT MET (OutOfMemoryError)");
        if (!Double.isNaN(generationSeconds)) {
            line("  generation: %.1f s", generationSeconds);
        }

        // ---- sanity check: the rebuilt table equals a from-scratch computation
        if (!rebuild.isEmpty()) {
            check(jdbc, states, store, histories);
        } else {
            line("correctness check skipped: no rebuild finished");
        }

        if (breakdown && warm.ok()) {
            breakdown(events, store, transactions, head, count);
        }
        line("load average at end: %s", loadAverage());
    }

    // ------------------------------------------------------------------------------------------------ raw reads

    private long plainRead(HikariDataSource dataSource, long head) {
        ObjectMapper mapper = EventJson.mapper();
        Map<String, ObjectReader> readers = new HashMap<>();
        long n = 0;
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            con.setReadOnly(true);
            try (PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS + " FROM domain_event_entry"
                    + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index")) {
                ps.setFetchSize(2000);
                ps.setLong(1, 0);
                ps.setLong(2, head);
                try (ResultSet rs = ps.executeQuery()) {
                    long check = 0;
                    while (rs.next()) {
                        long position = rs.getLong(1);
                        String at = rs.getString(2);
                        String stream = rs.getString(3);
                        long sequence = rs.getLong(4);
                        String type = rs.getString(5);
                        byte[] payload = rs.getBytes(6);
                        byte[] meta = rs.getBytes(7);
                        ObjectReader reader = readers.computeIfAbsent(type, t -> {
                            try {
                                return mapper.readerFor(Class.forName(t));
                            } catch (ClassNotFoundException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        Object event = reader.readValue(payload);
                        check += position + sequence + at.length() + stream.length() + meta.length
                                + (event == null ? 0 : 1);
                        n++;
                    }
                    assertTrue(check > 0);
                }
            }
            con.commit();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    private long eventTableRead(EventTable events, long head) {
        long[] n = {0};
        events.forEach(0, head, e -> n[0]++);
        return n[0];
    }

    private double measure(String label, long expected, LongSupplier pass) {
        long start = System.nanoTime();
        long n = pass.getAsLong();
        double s = seconds(start);
        assertEquals(expected, n, label + ": events read");
        double rate = n / s;
        line("%s: %,d events in %.2f s = %,.0f events/s", label, n, s, rate);
        return rate;
    }

    // ------------------------------------------------------------------------------------------------ rebuild

    private record Rebuilt(long events, double seconds, long peakHeap, long gcCount, long gcMillis, String error) {
        boolean ok() {
            return error == null;
        }

        double rate() {
            return events / seconds;
        }

        @Override
        public String toString() {
            return ok() ? String.format(Locale.ROOT, "%,d events in %.2f s = %,.0f events/s, peak heap %s, %d GCs"
                    + " (%d ms)", events, seconds, rate(), mib(peakHeap), gcCount, gcMillis)
                    : "FAILED after " + String.format(Locale.ROOT, "%.1f s", seconds) + ": " + error
                    + ", peak heap " + mib(peakHeap);
        }
    }

    private Rebuilt rebuild(ProjectionRebuilder rebuilder, JdbcTemplate jdbc) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long start = System.nanoTime();
        try {
            long n = rebuilder.replayNow(LeagueTableProjection.NAME);
            double s = seconds(start);
            return new Rebuilt(n, s, peak(heap), gcCount() - gcCount, gcMillis() - gcMillis, null);
        } catch (OutOfMemoryError e) {
            double s = seconds(start);
            long peak = peak(heap);
            System.gc();
            // The rebuilder catches only runtime exceptions: free the claim so the next run may start.
            jdbc.update("UPDATE projection_state SET status = 'FAILED', message = 'OutOfMemoryError' WHERE name = ?",
                    LeagueTableProjection.NAME);
            return new Rebuilt(0, s, peak, gcCount() - gcCount, gcMillis() - gcMillis, "OutOfMemoryError: "
                    + e.getMessage());
        }
    }

    private static long peak(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    // ------------------------------------------------------------------------------------------------ sanity

    private void check(JdbcTemplate jdbc, ProjectionStates states, LeagueTableStore store,
                       CampaignHistories histories) {
        int generation = states.activeGeneration(LeagueTableProjection.NAME);
        List<String> all = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                + " WHERE type = 'Campaign' ORDER BY aggregate_identifier", String.class);
        Integer tables = jdbc.queryForObject("SELECT COUNT(*) FROM league_table_campaign WHERE generation = ?",
                Integer.class, generation);
        assertEquals(all.size(), tables, "one league table per campaign");
        LeagueTableCalculator calculator = new LeagueTableCalculator();
        // The first campaign (closed, if there is more than one round) and the last one (open).
        for (String stream : List.of(all.get(0), all.get(all.size() - 1))) {
            String id = stream.substring("campaign:".length());
            LeagueTable stored = store.read(generation, id).orElseThrow();
            LeagueTable scratch = calculator.score(histories.current(id).history(), stored.asOf());
            assertEquals(rows(scratch), rows(stored), "rebuilt league table of " + id);
            assertEquals(scratch.rulesVersion(), stored.rulesVersion());
            line("correctness: league table of %s (%d rows, rules v%d) equals the from-scratch computation, row by"
                    + " row", id, stored.rows().size(), stored.rulesVersion());
        }
    }

    private static List<String> rows(LeagueTable table) {
        return table.rows().stream().map(ReplayBenchmark::row).toList();
    }

    private static String row(LeagueRow r) {
        return r.rank() + "|" + r.unitCode() + "|" + r.unitName() + "|" + plain(r.total()) + "|" + r.provisional()
                + "|" + plain(r.penalties()) + "|" + plain(r.contents()) + "|" + plain(r.indicators());
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    private static String plain(Map<String, BigDecimal> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(k).append('=').append(plain(v)).append(','));
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------------ breakdown

    /**
     * Where a rebuild's time goes, measured once with the rebuild's own steps taken apart: the scan alone
     * (EventTable.forEach), the scan plus folding into CampaignHistory, the final scoring, and the writes.
     */
    private void breakdown(EventTable events, LeagueTableStore store, DataSourceTransactionManager transactions,
                           long head, long count) {
        line("");
        line("breakdown (one pass each, same process):");
        try {
            System.gc();
            long start = System.nanoTime();
            eventTableRead(events, head);
            double scan = seconds(start);
            line("  scan only (EventTable.forEach, JDBC + payload + metadata + Instant.parse): %.2f s", scan);
            Map<String, CampaignHistory> campaigns = new HashMap<>();
            start = System.nanoTime();
            events.forEach(0, head, e -> {
                Object payload = e.payload();
                if (payload instanceof CampaignLaunched launched) {
                    campaigns.put(launched.campaignId(), CampaignHistory.start(launched));
                    return;
                }
                String id = payload instanceof CampaignEvent event ? event.campaignId() : null;
                CampaignHistory h = id == null ? null : campaigns.get(id);
                if (h != null) {
                    h.apply(payload);
                }
            });
            double fold = seconds(start);
            line("  scan + fold into CampaignHistory: %.2f s (fold alone ~%.2f s)", fold, fold - scan);
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            line("  heap retained after the fold (after GC, histories of %d campaigns alive): %s",
                    campaigns.size(), mib(retained));
            LeagueTableCalculator calculator = new LeagueTableCalculator();
            Instant now = Instant.now();
            List<LeagueTable> tables = new ArrayList<>();
            start = System.nanoTime();
            campaigns.values().forEach(h -> tables.add(calculator.score(h, now)));
            double score = seconds(start);
            line("  scoring %d campaigns (LeagueTableCalculator.score): %.2f s", tables.size(), score);
            campaigns.clear();
            TransactionTemplate tx = new TransactionTemplate(transactions);
            start = System.nanoTime();
            tx.executeWithoutResult(s -> tables.forEach(t -> store.write(9999, t, 0, 0, now)));
            double write = seconds(start);
            tx.executeWithoutResult(s -> store.clear(9999));
            line("  writing %d tables (LeagueTableStore.write, one transaction): %.2f s", tables.size(), write);
            line("  => of a rebuild of ~%.2f s: scan %.0f%%, fold %.0f%%, scoring %.0f%%, writes %.0f%%",
                    fold + score + write, 100 * scan / (fold + score + write),
                    100 * (fold - scan) / (fold + score + write), 100 * score / (fold + score + write),
                    100 * write / (fold + score + write));
        } catch (OutOfMemoryError e) {
            System.gc();
            line("  breakdown stopped: OutOfMemoryError (%s)", e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private void machine(JdbcTemplate jdbc) {
        line("== Replay benchmark (league table), %s", Instant.now());
        line("machine: %d CPUs (availableProcessors), %s RAM, %s %s (%s), max heap %s, JVM args %s",
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), mib(Runtime.getRuntime().maxMemory()),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        line("PostgreSQL: %s", jdbc.queryForObject("SELECT version()", String.class));
        line("load average at start: %s (the machine is shared: compare rates only within one run)", loadAverage());
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private boolean exists(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user,
                password); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user,
                password); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }

    private void write() throws IOException {
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("replay.txt"), report.toString());
        System.out.println("report written to " + dir.resolve("replay.txt").toAbsolutePath());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> rates(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
