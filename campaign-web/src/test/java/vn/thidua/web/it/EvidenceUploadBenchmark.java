package vn.thidua.web.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.OnPostgres;
import vn.thidua.web.testsupport.Rows;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence uploads (BENCHMARKS.md, "Evidence uploads"): {@code bench.files} (200) PDFs of {@code bench.mib} (1) MiB
 * each from {@code bench.clients} (8) clients over real HTTP, against a bare JDBC insert of the same bytes into a
 * scratch {@code bytea} table from as many threads, in the same run; the heap used before and after (after a GC), and
 * while uploading (sampled every 20 ms) the most any collection left live and the most used, garbage included. Not a timed test: it asserts only that every file was recorded
 * once with its bytes. Run: {@code bench/evidence-upload.sh}.
 */
@Tag("benchmark")
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiScenarioSupport.NO_DEMO, ApiScenarioSupport.ADMIN_USER, ApiScenarioSupport.ADMIN_PASSWORD})
class EvidenceUploadBenchmark extends ApiScenarioSupport {
    private final int files = Integer.getInteger("bench.files", 200);
    private final int clients = Integer.getInteger("bench.clients", 8);
    private final int size = Integer.getInteger("bench.mib", 1) * 1024 * 1024;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** File k: a small PDF made here, padded to the size with bytes drawn from seed k (the same bytes twice). */
    private byte[] file(List<byte[]> heads, int k) {
        byte[] bytes = new byte[size];
        new Random(k).nextBytes(bytes);
        byte[] head = heads.get(k);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    @Test
    void uploadsAgainstABareInsert() throws Exception {
        // Three campaigns of the shared cluster: nine participations with a report each; client c uploads to c % 9.
        List<Fixture> campaigns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Fixture f = campaign();
            for (int u = 0; u < 3; u++) {
                driver.pledged(f, u, 110, true, 50);
                driver.reported(f, u, "Q1", 110, true, 50);
            }
            campaigns.add(f);
        }
        List<byte[]> heads = new ArrayList<>();
        for (int k = 0; k < files; k++) {
            heads.add(EvidenceFiles.pdf());
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long eventsBefore = events();
        long contentBefore = Rows.count(jdbc, "evidence_content");

        // HTTP uploads
        long heapBefore = usedAfterGc(memory);
        AtomicLong peak = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        List<java.lang.management.MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null)
                .toList();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // What the last collection left in each heap pool: the live set, not the garbage awaiting a GC.
                peakLive.accumulateAndGet(heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(),
                        Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Integer>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            sent.add(pool.submit(() -> {
                int ok = 0;
                for (int k = client; k < files; k += clients) {
                    Fixture f = campaigns.get((client % 9) / 3);
                    int unit = client % 3;
                    int status = upload(f, unit, "ban-scan-" + k + ".pdf", file(heads, k));
                    if (status == 201) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int created = 0;
        for (Future<Integer> f : sent) {
            created += f.get();
        }
        double httpSeconds = (System.nanoTime() - start) / 1e9;
        sampling.set(false);
        sampler.join();
        long heapAfter = usedAfterGc(memory);

        // The same bytes, inserted bare over JDBC from as many threads
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_evidence_bare (k INTEGER PRIMARY KEY, content BYTEA NOT NULL)");
        jdbc.execute("TRUNCATE bench_evidence_bare");
        start = System.nanoTime();
        List<Future<?>> inserted = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            inserted.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    for (int k = client; k < files; k += clients) {
                        try (PreparedStatement ps = connection.prepareStatement(
                                "INSERT INTO bench_evidence_bare (k, content) VALUES (?, ?)")) {
                            ps.setInt(1, k);
                            ps.setBinaryStream(2, new ByteArrayInputStream(file(heads, k)), size);
                            ps.executeUpdate();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : inserted) {
            f.get();
        }
        double bareSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        jdbc.execute("DROP TABLE bench_evidence_bare");

        double mib = (double) files * size / (1024 * 1024);
        System.out.printf("%nEVIDENCE-BENCH files=%d size=%d MiB clients=%d%n", files, size / (1024 * 1024), clients);
        System.out.printf("EVIDENCE-BENCH http   : %.2f s, %.1f files/s, %.1f MiB/s%n", httpSeconds,
                files / httpSeconds, mib / httpSeconds);
        System.out.printf("EVIDENCE-BENCH jdbc   : %.2f s, %.1f files/s, %.1f MiB/s%n", bareSeconds,
                files / bareSeconds, mib / bareSeconds);
        System.out.printf("EVIDENCE-BENCH heap used after GC: before %d MiB, after %d MiB; while uploading: peak left by"
                        + " a collection %d MiB, peak used (garbage included) %d MiB (max %d MiB)%n", heapBefore >> 20,
                heapAfter >> 20, peakLive.get() >> 20, peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        System.out.printf("EVIDENCE-BENCH bytes uploaded %d MiB%n", (long) files * size >> 20);

        assertThat(created).isEqualTo(files);
        assertThat(events()).isEqualTo(eventsBefore + files);
        assertThat(Rows.count(jdbc, "evidence_content")).isEqualTo(contentBefore + files);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private int upload(Fixture f, int unit, String name, byte[] bytes) throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        // The file's own array, between its part's head and the closing boundary: no copy of the body on the client.
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var creds = f.officer(unit);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + f.campaignPath()
                        + "/reports/" + f.unit(unit) + "/Q1/evidence"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (creds.username() + ":" + creds.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(bytes), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
