package vn.thidua.web.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 *       omission). Prints p50/p90/p99/p99.9/max, the achieved rate and the CPU this tool itself used during the
 *       measured run ({@code clientcpu} seconds, {@code clientcores} = that per second of run, 1.0 = one core
 *       busy). It speaks HTTP/1.1 itself over plain blocking sockets ({@link Http1}), one keep-alive connection
 *       per worker, so that on a small machine it takes little CPU from the server it measures (the JDK's
 *       {@code HttpClient} took ~0.7 of a core at 100 requests/s on two cores).</li>
 *   <li>{@code growth <base> <unitsFile> <smallFrom> <smallTo> <bigFrom> <bigTo> <perSide> <warmup>}: one client,
 *       sequential report corrections alternating a small-history unit and a large-history unit; prints the
 *       latency distribution of each side.</li>
 * </ul>
 */
public final class BenchClient {
    /** For set-up and the growth mode only; created on first use, so the rate mode never starts it. */
    static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A request not answered within this time counts as an error. */
    static final int TIMEOUT_MILLIS = 10_000;
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
        return Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

    /** CPU time of this whole JVM (every thread, JIT and GC included), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** @param cpuNanos the client's own CPU time during the run, or -1 when not measured */
    record Result(long[] micros, int errors, double seconds, int scheduled, long cpuNanos) {
        long pct(double p) {
            if (micros.length == 0) {
                return -1;
            }
            int i = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, i))];
        }

        String describe(String label) {
            String line = String.format(Locale.ROOT, "RESULT %s n=%d errors=%d rate=%.1f/s p50=%.3fms p90=%.3fms "
                            + "p99=%.3fms p99.9=%.3fms max=%.3fms", label, micros.length, errors,
                    micros.length / seconds, pct(50) / 1000.0, pct(90) / 1000.0, pct(99) / 1000.0,
                    pct(99.9) / 1000.0, (micros.length == 0 ? -1 : micros[micros.length - 1]) / 1000.0);
            if (cpuNanos >= 0) {
                line += String.format(Locale.ROOT, " clientcpu=%.3fs clientcores=%.3f", cpuNanos / 1e9,
                        cpuNanos / 1e9 / seconds);
            }
            return line;
        }
    }

    /**
     * Open loop: request i is due at start + i/rate. A fixed set of 32 workers, each with one keep-alive
     * connection (so at most 32 connections), takes the next due request, waits for its time if it is early and
     * sends it; its latency counts from when it was due, so a stall counts against every request it delays (no
     * coordinated omission). A request failing, answering other than 200, or not answered within 10 s of being
     * sent counts as an error; requests still unsent 10 s after the run's end count as not sent, which bounds the
     * run when the server cannot keep the rate.
     */
    static Result openLoop(String base, String auth, int perSecond, int seconds, String[] paths) throws Exception {
        int total = perSecond * seconds;
        long interval = 1_000_000_000L / perSecond;
        long[] lat = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        URI uri = URI.create(base);
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        byte[][] requests = new byte[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            requests[i] = ("GET " + uri.getRawPath().replaceAll("/$", "") + paths[i] + " HTTP/1.1\r\n"
                    + "Host: " + host + ":" + port + "\r\n"
                    + "Authorization: " + auth + "\r\n"
                    + "Accept: application/json\r\n"
                    + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        Thread[] workers = new Thread[32];
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long giveUp = start + (seconds + 10) * 1_000_000_000L;
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                try (Http1 connection = new Http1(host, port)) {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long due = start + i * interval;
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        if (sent > giveUp) {
                            lat[i] = -1;
                            continue;
                        }
                        try {
                            int status = connection.get(requests[i % requests.length]);
                            long t = System.nanoTime();
                            if (status == 200 && t - sent <= TIMEOUT_MILLIS * 1_000_000L) {
                                lat[i] = Math.max(1, (t - due) / 1000);
                            } else {
                                lat[i] = -1;
                                errors.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            lat[i] = -1;
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "load-" + w);
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        long[] micros = Arrays.stream(lat).filter(v -> v > 0).sorted().toArray();
        int notSent = total - micros.length - errors.get();
        return new Result(micros, errors.get() + notSent, Math.max(seconds, elapsed), total, cpu);
    }

    /**
     * A minimal blocking HTTP/1.1 client on one keep-alive connection: writes a prepared request, reads the
     * status line and headers, and skips the body (Content-Length, chunked, or up to the end of the connection).
     * It connects on first use and again after the server answered {@code Connection: close} (Tomcat does every
     * 100 requests) or after an error. A reused connection that the server closed while idle fails before any
     * byte of the answer: the request is then sent once more on a new connection, as browsers do for a GET.
     * One thread only.
     */
    static final class Http1 implements AutoCloseable {
        private final String host;
        private final int port;
        private final byte[] buf = new byte[16 * 1024];
        private final StringBuilder line = new StringBuilder(128);
        private int pos;
        private int limit;
        private boolean answered;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Http1(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** Sends one prepared GET and answers the response's status code once its whole body has been read. */
        int get(byte[] request) throws IOException {
            boolean reused = socket != null;
            if (socket == null) {
                connect();
            }
            try {
                return exchange(request);
            } catch (IOException e) {
                close();
                if (!reused || answered) {
                    throw e;
                }
                connect();
                try {
                    return exchange(request);
                } catch (IOException again) {
                    close();
                    throw again;
                }
            }
        }

        private void connect() throws IOException {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.setSoTimeout(TIMEOUT_MILLIS);
                s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
                in = s.getInputStream();
                out = s.getOutputStream();
                socket = s;
                pos = 0;
                limit = 0;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }

        private int exchange(byte[] request) throws IOException {
            answered = false;
            out.write(request);
            out.flush();
            while (true) {
                String status = readLine();
                if (!status.startsWith("HTTP/1.") || status.length() < 12) {
                    throw new IOException("not an HTTP/1.x status line: " + status);
                }
                int code = Integer.parseInt(status.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean close = status.startsWith("HTTP/1.0");
                for (String h = readLine(); !h.isEmpty(); h = readLine()) {
                    int colon = h.indexOf(':');
                    if (colon <= 0) {
                        throw new IOException("bad header line: " + h);
                    }
                    String name = h.substring(0, colon).trim();
                    String value = h.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    } else if (name.equalsIgnoreCase("Connection")) {
                        String v = value.toLowerCase(Locale.ROOT);
                        close = v.contains("close") || close && !v.contains("keep-alive");
                    }
                }
                if (code >= 100 && code < 200) {
                    continue; // an interim answer (100 Continue): the real one follows
                }
                if (code == 204 || code == 304) {
                    // no body
                } else if (chunked) {
                    skipChunks();
                } else if (length >= 0) {
                    skip(length);
                } else {
                    skipToEnd();
                    close = true;
                }
                if (close) {
                    close();
                }
                return code;
            }
        }

        private void skipChunks() throws IOException {
            while (true) {
                String sizeLine = readLine();
                int end = sizeLine.indexOf(';');
                long size = Long.parseLong((end < 0 ? sizeLine : sizeLine.substring(0, end)).trim(), 16);
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // trailer fields
                    }
                    return;
                }
                skip(size);
                if (!readLine().isEmpty()) {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (pos == limit) {
                    fill();
                }
                int k = (int) Math.min(n, limit - pos);
                pos += k;
                n -= k;
            }
        }

        private void skipToEnd() throws IOException {
            try {
                while (true) {
                    pos = limit;
                    fill();
                }
            } catch (EOFException end) {
                // the body ends with the connection
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                if (pos == limit) {
                    fill();
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    int n = line.length();
                    if (n > 0 && line.charAt(n - 1) == '\r') {
                        line.setLength(n - 1);
                    }
                    return line.toString();
                }
                if (line.length() > 16 * 1024) {
                    throw new IOException("line too long");
                }
                line.append((char) (b & 0xff));
            }
        }

        private void fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                throw new EOFException("connection closed by the server");
            }
            answered = true;
            pos = 0;
            limit = n;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
                in = null;
                out = null;
            }
        }
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
        System.out.println(new Result(small, 0, 1, perSide, -1).describe("small").replaceAll(" rate=[^ ]+", ""));
        System.out.println(new Result(big, 0, 1, perSide, -1).describe("large").replaceAll(" rate=[^ ]+", ""));
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
