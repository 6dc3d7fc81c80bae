package org.fusioncell.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * FusionCell as a separate operating-system process on the embedded store in {@code dataDir}, for
 * tests that must kill it (SIGKILL: no shutdown hook runs) and start it again on the same files. The
 * child runs from this test JVM's class path; its output goes to {@code dataDir/process-N.log}.
 */
public final class FusionCellProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private FusionCellProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the server and waits until it answers ready, or fails after {@code within}. */
    public static FusionCellProcess start(Path dataDir, int port, int run, List<String> settings, Duration within)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "org.fusioncell.FusionCellApplication",
                "--spring.profiles.active=test", "--server.port=" + port, "--fusioncell.data-dir=" + dataDir));
        cmd.addAll(settings);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("process-" + run + ".log").toFile()).start();
        FusionCellProcess started = new FusionCellProcess(p, port);
        started.awaitReady(within, dataDir.resolve("process-" + run + ".log"));
        return started;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** SIGKILL, as a power cut would: nothing is flushed or closed by the application. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A normal stop (SIGTERM), waiting for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The embedded store's files, opened directly while no process holds them. */
    public static JdbcClient store(Path dataDir) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dataDir.resolve("db/fusioncell")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("sa");
        ds.setPassword("");
        return JdbcClient.create(ds);
    }

    private void awaitReady(Duration within, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("FusionCell exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("FusionCell did not become ready within " + within + "; see " + log);
    }
}
