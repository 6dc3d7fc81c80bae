package org.fusioncell.bench.monitoring;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.bench.ingest.IngestBenchmark;
import org.fusioncell.bench.names.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake to alert under load, end to end against a running server: creates W watches for one user
 * (names from the names-dev positive full-name pairs, text queries on unique codes), then posts reports
 * at R per second for S seconds (open loop: sends are scheduled, not waited for). Every report carries
 * one watched code (so it raises at least one alert) and, in half of them, another spelling of a watched
 * name. Afterwards it reads the inbox and prints the latency from the report's commit (its 201 answer)
 * to the raising of its alert — p50, p95, p99, max — and the server's CPU seconds per report, read
 * from /proc/PID/stat before and after.
 * <pre>java -cp bench/target/benchmarks.jar org.fusioncell.bench.monitoring.WatchLatencyBenchmark \
 *     BASE_URL TOKEN SERVER_PID [WATCHES=10000] [RATE=500] [SECONDS=300]</pre>
 */
public final class WatchLatencyBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WatchLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: WatchLatencyBenchmark BASE_URL TOKEN SERVER_PID [WATCHES] [RATE] [SECONDS]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String token = args[1];
        long pid = Long.parseLong(args[2]);
        int watches = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        // full-name pairs that name one person: the composed cross-script ones and the curated person pairs
        List<String[]> pairs = new ArrayList<>(namePairs(SharedData.root().resolve("names-dev/fullname_pairs.csv")));
        pairs.addAll(namePairs(SharedData.root().resolve("names-dev/all_pairs.csv")));
        int names = Math.min(pairs.size(), watches * 6 / 10);
        int codes = watches - names;
        long w0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger failed = new AtomicInteger();
        List<java.util.concurrent.Future<?>> created = new ArrayList<>();
        for (int i = 0; i < watches; i++) {
            String body = i < names
                    ? "{\"name\":\"n" + i + "\",\"criterion\":{\"kind\":\"name\",\"name\":" + quote(pairs.get(i)[0]) + "}}"
                    : "{\"name\":\"c" + i + "\",\"criterion\":{\"kind\":\"text\",\"query\":\"code" + (i - names) + "x\"}}";
            created.add(pool.submit(() -> {
                if (send(http, post(base, token, "/api/v1/watches", body)).statusCode() != 201) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        for (var f : created) {
            f.get();
        }
        System.out.printf(Locale.ROOT, "created %,d watches (%,d names, %,d text codes; %d refused) in %.1f s%n", watches,
                names, codes, failed.get(), (System.nanoTime() - w0) / 1e9);

        int total = rate * seconds;
        Map<String, Instant> committed = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        SplittableRandom random = new SplittableRandom(7);
        String[] bodies = new String[total];
        for (int i = 0; i < total; i++) {
            String report = IngestBenchmark.report(i, random, "RESTRICTED");
            String extra = " code" + random.nextInt(Math.max(1, codes)) + "x"
                    + (i % 2 == 0 && names > 0 ? " " + pairs.get(random.nextInt(names))[1] : "");
            String clean = extra.replace("\\", "").replace("\"", "");
            bodies[i] = report.replaceFirst("\",\"occurredAt\"",
                    java.util.regex.Matcher.quoteReplacement(clean + "\",\"occurredAt\""));
        }
        long cpu0 = cpuTicks(pid);
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        ExecutorService senders = Executors.newFixedThreadPool(64);
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            String body = bodies[i];
            senders.submit(() -> {
                try {
                    HttpResponse<String> r = send(http, post(base, token, "/api/v1/reports", body));
                    if (r.statusCode() == 201) {
                        committed.put(JSON.readTree(r.body()).get("id").asString(), Instant.now());
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "posted %,d reports in %.1f s (%.0f/s offered, %d refused)%n", committed.size(),
                sendSeconds, total / sendSeconds, refused.get());

        Map<String, Instant> raised = awaitAlerts(http, base, token, committed.keySet());
        long cpu1 = cpuTicks(pid);
        double cpuSeconds = (cpu1 - cpu0) / 100.0;
        long[] latencies = committed.entrySet().stream().filter(e -> raised.containsKey(e.getKey()))
                .mapToLong(e -> Duration.between(e.getValue(), raised.get(e.getKey())).toMillis()).sorted().toArray();
        System.out.printf(Locale.ROOT, "alerts for %,d of %,d reports%n", latencies.length, committed.size());
        if (latencies.length > 0) {
            System.out.printf(Locale.ROOT, "commit-to-alert ms: p50 %d, p95 %d, p99 %d, max %d%n", pct(latencies, 50),
                    pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1]);
        }
        System.out.printf(Locale.ROOT, "server CPU: %.1f s for %,d reports = %.1f ms per report (all work: intake, "
                + "indexing, extraction, evaluation, alerts)%n", cpuSeconds, committed.size(),
                cpuSeconds * 1000 / Math.max(1, committed.size()));
        pool.shutdown();
    }

    /** The earliest raising time of an alert per report, once every report has one or nothing moves for 60 s. */
    private static Map<String, Instant> awaitAlerts(HttpClient http, String base, String token, java.util.Set<String> ids)
            throws Exception {
        Map<String, Instant> raised = new ConcurrentHashMap<>();
        long lastChange = System.nanoTime();
        int seen = -1;
        while (true) {
            raised.clear();
            for (int page = 0; ; page++) {
                JsonNode inbox = JSON.readTree(send(http, HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/alerts?size=500&page=" + page)).header("Authorization", "Bearer " + token)
                        .GET().build()).body());
                for (JsonNode a : inbox.get("items")) {
                    String item = a.path("itemId").asString(null);
                    if (item != null && ids.contains(item)) {
                        raised.merge(item, Instant.parse(a.get("raisedAt").asString()), (x, y) -> x.isBefore(y) ? x : y);
                    }
                }
                if ((long) (page + 1) * 500 >= inbox.get("total").asLong()) {
                    break;
                }
            }
            if (raised.size() != seen) {
                seen = raised.size();
                lastChange = System.nanoTime();
            }
            if (raised.size() >= ids.size() || System.nanoTime() - lastChange > 60e9) {
                return raised;
            }
            Thread.sleep(2000);
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime, in clock ticks (100/s)
    }

    private static List<String[]> namePairs(Path csv) throws Exception {
        List<String[]> out = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                if ("1".equals(r.get("label")) && "Person".equals(r.get("schema"))) {
                    out.add(new String[] {r.get("name_a"), r.get("name_b")});
                }
            }
        }
        return out;
    }

    private static HttpRequest post(String base, String token, String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return JSON.writeValueAsString(s);
    }

}
