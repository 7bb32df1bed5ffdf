package vn.thidua.web.nodes;

import vn.thidua.web.testsupport.Api;
import vn.thidua.web.testsupport.Waits;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One application node in a JVM of its own ({@code vn.thidua.web.ThiDuaApplication} on the test JVM's classpath),
 * its output in a log file under {@code target/}. Its token-store owner id is Axon's default, {@code <pid>@<host>}.
 */
final class AppNode implements AutoCloseable {
    final String name;
    final int port;
    final Process process;
    final Path log;
    final Api api;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.api = new Api(port);
    }

    static AppNode start(String name, String jdbcUrl, List<String> args) {
        int port = freePort();
        Path log = Paths.get("target", "nodes", name + "-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-Ddisable-axoniq-console-message=true", "-cp", applicationClasspath(),
                "vn.thidua.web.ThiDuaApplication", "--server.port=" + port, "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + jdbcUrl));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            // The node must not pick up the developer's or CI's own application settings from the environment.
            pb.environment().keySet().removeIf(k -> k.startsWith("THIDUA_") || k.equals("PORT"));
            return new AppNode(name, port, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Axon's JdbcTokenStore default node id: the JVM's runtime name, {@code <pid>@<hostname>}. */
    String owner() {
        String self = ManagementFactory.getRuntimeMXBean().getName();
        return pid() + self.substring(self.indexOf('@'));
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the process ends or times out. */
    void awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " exited with " + process.exitValue() + " before it was up:\n"
                        + tail(80));
            }
            try {
                Api.Response r = api.get("/actuator/health").send();
                if (r.status() == 200 && r.json().path("status").asText().equals("UP")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Waits.sleep(500);
        }
        throw new AssertionError("node " + name + " not UP within " + timeout + ":\n" + tail(80));
    }

    /** SIGKILL: no shutdown hook, no token release. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The test JVM's classpath. Under Surefire it may be a manifest-only booter jar whose {@code Class-Path} lists
     * the real entries (as URIs relative to the jar): those are expanded, so the node does not depend on the booter.
     */
    static String applicationClasspath() {
        String cp = System.getProperty("java.class.path");
        String[] parts = cp.split(File.pathSeparator);
        if (parts.length == 1 && parts[0].endsWith(".jar")) {
            File jar = new File(parts[0]).getAbsoluteFile();
            try (JarFile j = new JarFile(jar)) {
                Manifest m = j.getManifest();
                String listed = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                if (listed != null && !listed.isBlank()) {
                    URI base = jar.toURI();
                    List<String> entries = new ArrayList<>();
                    for (String entry : listed.trim().split("\\s+")) {
                        entries.add(Paths.get(base.resolve(entry)).toString());
                    }
                    return String.join(File.pathSeparator, entries);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the manifest of " + jar, e);
            }
        }
        return cp;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
