package vn.thidua.web.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP load tool of the benchmarks in {@code bench/} (see BENCHMARKS.md). JDK only, so the scripts run it straight
 * from source ({@code java BenchClient.java <mode> ...}); it is not a test and asserts nothing.
 *
 * <ul>
 *   <li>{@code setup <base> <admin:pw> <units> <unitsFile>}: a cluster of {@code units} units with one officer
 *       each, a campaign (6 indicators in 2 contents, periods Q1 and Y) launched by the head, a pledge per unit.
 *       Writes one line per unit: {@code campaignId unitCode basicAuthHeader}.</li>
 *   <li>{@code fill <base> <unitsFile> <from> <to> <reportsPerUnit> <threads>}: that many report submissions
 *       (a first report, then corrections) to Q1 for units [from, to), each unit by one thread.</li>
 *   <li>{@code rate <base> <auth> <ratePerSec> <seconds> <warmupSeconds> <label> <path>...}: open-loop GETs at a
 *       fixed rate, paths taken round-robin; latency from each request's intended start (no coordinated
 *       omission). Prints p50/p90/p99/p99.9/max and the achieved rate.</li>
 *   <li>{@code growth <base> <unitsFile> <smallFrom> <smallTo> <bigFrom> <bigTo> <perSide> <warmup>}: one client,
 *       sequential report corrections alternating a small-history unit and a large-history unit; prints the
 *       latency distribution of each side.</li>
 * </ul>
 */
public final class BenchClient {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String PASSWORD = "Bench-password-1";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "fill" -> fill(args[1], units(Path.of(args[2])), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "rate" -> rate(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6], Arrays.copyOfRange(args, 7, args.length));
            case "growth" -> growth(args[1], units(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]), Integer.parseInt(args[8]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    record Unit(String campaignId, String code, String auth) {
    }

    static List<Unit> units(Path file) throws IOException {
        List<Unit> units = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ", 3);
            if (f.length == 3) {
                units.add(new Unit(f[0], f[1], f[2]));
            }
        }
        return units;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String url, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int... ok) {
        for (int s : ok) {
            if (r.statusCode() == s) {
                return;
            }
        }
        throw new IllegalStateException(r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " "
                + r.body());
    }

    static void setup(String base, String admin, int n, Path out) throws Exception {
        String[] a = admin.split(":", 2);
        String op = basic(a[0], a[1]);
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        String cluster = "BC" + tag;
        List<String> codes = new ArrayList<>();
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String code = String.format("U%03d%s", i, tag);
            codes.add(code);
            members.append(i == 0 ? "" : ",").append("{\"code\":\"").append(code)
                    .append("\",\"name\":\"Xã số ").append(i).append("\",\"kind\":\"COMMUNE\"}");
        }
        expect(send("POST", base + "/api/v1/clusters", op, "{\"code\":\"" + cluster
                + "\",\"name\":\"Cụm thi đua " + tag + "\",\"members\":[" + members + "]}"), 201);
        String lower = tag.toLowerCase(Locale.ROOT);
        String head = "head-" + lower;
        expect(send("POST", base + "/api/v1/admin/users", op, user(head, codes.get(0), "CLUSTER_HEAD")), 201);
        String[] auths = new String[n];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int u = i;
            done.add(pool.submit(() -> {
                String name = "off" + u + "-" + lower;
                expect(send("POST", base + "/api/v1/admin/users", op, user(name, codes.get(u), "UNIT_OFFICER")), 201);
                auths[u] = basic(name, PASSWORD);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        String campaign = "bench-" + lower;
        LocalDate today = LocalDate.now(VN);
        String ind = "{\"code\":\"%s\",\"title\":\"Chỉ tiêu %s\",\"unit\":\"%%\",\"kind\":\"QUANTITATIVE\","
                + "\"direction\":\"HIGHER_IS_BETTER\",\"floor\":null,\"weight\":%d}";
        String body = "{\"campaignId\":\"" + campaign + "\",\"clusterCode\":\"" + cluster + "\",\"year\":"
                + today.plusDays(30).getYear() + ",\"title\":\"Phong trào thi đua " + tag + "\",\"headUnit\":\""
                + codes.get(0) + "\",\"pledgeDeadline\":\"" + today.plusDays(30) + "\",\"periods\":["
                + "{\"code\":\"Q1\",\"title\":\"Quý I\",\"dueDate\":\"" + today.plusDays(60) + "\"},"
                + "{\"code\":\"Y\",\"title\":\"Cả năm\",\"dueDate\":\"" + today.plusDays(200) + "\"}],"
                + "\"contents\":[{\"code\":\"K1\",\"title\":\"Kinh tế\",\"indicators\":["
                + String.format(ind, "I1", "I1", 20) + "," + String.format(ind, "I2", "I2", 20) + ","
                + String.format(ind, "I3", "I3", 15) + ",{\"code\":\"I4\",\"title\":\"Hoàn thành\",\"unit\":\"\","
                + "\"kind\":\"QUALITATIVE\",\"floor\":null,\"weight\":15}]},"
                + "{\"code\":\"K2\",\"title\":\"Xã hội\",\"indicators\":[" + String.format(ind, "I5", "I5", 15) + ","
                + String.format(ind, "I6", "I6", 15) + "]}],"
                + "\"scoringRules\":{\"version\":1,\"method\":\"RATIO_CAPPED\",\"cap\":1.2,\"latePenalty\":1,"
                + "\"missingPenalty\":0,\"rejectedPenalty\":0}}";
        expect(send("POST", base + "/api/v1/campaigns", basic(head, PASSWORD), body), 201);
        done.clear();
        for (int i = 0; i < n; i++) {
            int u = i;
            done.add(pool.submit(() -> {
                expect(send("PUT", base + "/api/v1/campaigns/" + campaign + "/pledges/" + codes.get(u), auths[u],
                        "{\"targets\":{\"I1\":100,\"I2\":100,\"I3\":100,\"I4\":true,\"I5\":100,\"I6\":100}}"), 201);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append(campaign).append(' ').append(codes.get(i)).append(' ').append(auths[i]).append('\n');
        }
        Files.writeString(out, lines);
        System.out.println("campaign " + campaign + ", " + n + " units, pledged");
    }

    static String user(String name, String unit, String role) {
        return "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Cán bộ " + name
                + "\",\"roles\":[\"" + role + "\"],\"unitCode\":\"" + unit + "\"}";
    }

    static final AtomicLong VALUE = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 1000);

    /** A report body whose I1 value is new every call, so every submission is a recorded command. */
    static String reportBody() {
        return "{\"values\":{\"I1\":" + VALUE.incrementAndGet() + ",\"I2\":95.5,\"I3\":101.25,\"I4\":true,"
                + "\"I5\":88,\"I6\":120.75},\"reason\":\"Số liệu điều chỉnh theo báo cáo kiểm tra\"}";
    }

    static String reportUrl(String base, Unit u) {
        return base + "/api/v1/campaigns/" + u.campaignId() + "/reports/" + u.code() + "/Q1";
    }

    static void fill(String base, List<Unit> units, int from, int to, int reports, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Unit u = units.get(i);
            done.add(pool.submit(() -> {
                for (int k = 0; k < reports; k++) {
                    expect(send("PUT", reportUrl(base, u), u.auth(), reportBody()), 200, 201);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.println("filled units [" + from + "," + to + ") with " + reports + " reports each");
    }

    static void rate(String base, String auth, int perSecond, int seconds, int warmup, String label, String[] paths)
            throws Exception {
        // Warm-up at the same rate, results dropped.
        openLoop(base, auth, perSecond, warmup, paths);
        Result r = openLoop(base, auth, perSecond, seconds, paths);
        System.out.println(r.describe(label));
    }

    record Result(long[] micros, int errors, double seconds, int scheduled) {
        long pct(double p) {
            if (micros.length == 0) {
                return -1;
            }
            int i = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, i))];
        }

        String describe(String label) {
            return String.format(Locale.ROOT, "RESULT %s n=%d errors=%d rate=%.1f/s p50=%.3fms p90=%.3fms "
                            + "p99=%.3fms p99.9=%.3fms max=%.3fms", label, micros.length, errors,
                    micros.length / seconds, pct(50) / 1000.0, pct(90) / 1000.0, pct(99) / 1000.0,
                    pct(99.9) / 1000.0, (micros.length == 0 ? -1 : micros[micros.length - 1]) / 1000.0);
        }
    }

    /**
     * Open loop: request i is due at start + i/rate. A fixed set of 32 workers (so at most 32 connections) takes the
     * next due request, waits for its time if it is early and sends it; its latency counts from when it was due, so
     * a stall counts against every request it delays (no coordinated omission). Requests still unsent 10 s after
     * the run's end are counted as not sent, which bounds the run when the server cannot keep the rate.
     */
    static Result openLoop(String base, String auth, int perSecond, int seconds, String[] paths) throws Exception {
        int total = perSecond * seconds;
        long interval = 1_000_000_000L / perSecond;
        long[] lat = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger okCount = new AtomicInteger();
        HttpRequest[] requests = new HttpRequest[paths.length];
        for (int i = 0; i < paths.length; i++) {
            requests[i] = HttpRequest.newBuilder(URI.create(base + paths[i])).timeout(Duration.ofSeconds(10))
                    .header("Authorization", auth).GET().build();
        }
        long start = System.nanoTime();
        long giveUp = start + (seconds + 10) * 1_000_000_000L;
        Thread[] workers = new Thread[32];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + i * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() > giveUp) {
                        lat[i] = -1;
                        continue;
                    }
                    try {
                        HttpResponse<byte[]> r = HTTP.send(requests[i % requests.length],
                                HttpResponse.BodyHandlers.ofByteArray());
                        long t = System.nanoTime();
                        if (r.statusCode() == 200) {
                            lat[i] = Math.max(1, (t - due) / 1000);
                            okCount.incrementAndGet();
                        } else {
                            lat[i] = -1;
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        lat[i] = -1;
                        errors.incrementAndGet();
                    }
                }
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] micros = Arrays.stream(lat).filter(v -> v > 0).sorted().toArray();
        int notSent = total - micros.length - errors.get();
        return new Result(micros, errors.get() + notSent, Math.max(seconds, elapsed), total);
    }

    static void growth(String base, List<Unit> units, int smallFrom, int smallTo, int bigFrom, int bigTo, int perSide,
                       int warmup) throws Exception {
        // Warm-up on both kinds, not recorded.
        for (int i = 0; i < warmup; i++) {
            submit(base, units.get(smallFrom + i % (smallTo - smallFrom)));
            submit(base, units.get(bigFrom + i % (bigTo - bigFrom)));
        }
        long[] small = new long[perSide];
        long[] big = new long[perSide];
        for (int i = 0; i < perSide; i++) {
            // Alternate which side goes first, so neither always follows the other.
            if (i % 2 == 0) {
                small[i] = submit(base, units.get(smallFrom + i % (smallTo - smallFrom)));
                big[i] = submit(base, units.get(bigFrom + i % (bigTo - bigFrom)));
            } else {
                big[i] = submit(base, units.get(bigFrom + i % (bigTo - bigFrom)));
                small[i] = submit(base, units.get(smallFrom + i % (smallTo - smallFrom)));
            }
        }
        Arrays.sort(small);
        Arrays.sort(big);
        System.out.println(new Result(small, 0, 1, perSide).describe("small").replaceAll(" rate=[^ ]+", ""));
        System.out.println(new Result(big, 0, 1, perSide).describe("large").replaceAll(" rate=[^ ]+", ""));
    }

    static long submit(String base, Unit u) throws Exception {
        String body = reportBody();
        long t0 = System.nanoTime();
        HttpResponse<String> r = send("PUT", reportUrl(base, u), u.auth(), body);
        long us = (System.nanoTime() - t0) / 1000;
        expect(r, 200, 201);
        return us;
    }
}
