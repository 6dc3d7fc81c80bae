package org.fusioncell.bench.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TAXII objects endpoint of a large collection, end to end over HTTP (docs/benchmarks.md, "TAXII"):
 * a client walks {@code pages} pages of {@code limit} objects with {@code next} from the start, then reads
 * {@code pages} pages that start at random dates added ({@code added_after}) across the collection, one
 * request at a time. It prints per-page latency percentiles, objects per second, and objects per second of
 * server CPU (utime + stime of the server process from /proc before and after).
 *
 * <p>Arguments: base URL, API token, collection id, server pid, pages, limit, first and last date added
 * (ISO timestamps of the collection's range, for the random starts).
 */
public final class TaxiiObjectsBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String collection = args[2];
        long pid = Long.parseLong(args[3]);
        int pages = Integer.parseInt(args[4]);
        int limit = Integer.parseInt(args[5]);
        java.time.Instant first = java.time.Instant.parse(args[6]);
        java.time.Instant last = java.time.Instant.parse(args[7]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String objects = base + "/api/taxii2/fusioncell/collections/" + collection + "/objects/?limit=" + limit;

        // warm-up: the JIT and the database cache
        String next = null;
        for (int i = 0; i < 20; i++) {
            next = page(http, token, objects + (next == null ? "" : "&next=" + next), null).next;
        }

        long cpu0 = cpuTicks(pid);
        long started = System.nanoTime();
        long served = 0;
        long bytes = 0;
        List<Long> sequential = new ArrayList<>();
        next = null;
        for (int i = 0; i < pages; i++) {
            Page p = page(http, token, objects + (next == null ? "" : "&next=" + next), sequential);
            served += p.count;
            bytes += p.bytes;
            next = p.next;
            if (next == null) {
                break;
            }
        }
        List<Long> random = new ArrayList<>();
        Random rnd = new Random(20261122L);
        long span = java.time.Duration.between(first, last).toNanos() / 1000;
        for (int i = 0; i < pages; i++) {
            java.time.Instant at = first.plus((long) (rnd.nextDouble() * span), java.time.temporal.ChronoUnit.MICROS);
            Page p = page(http, token, objects + "&added_after=" + at, random);
            served += p.count;
            bytes += p.bytes;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (cpuTicks(pid) - cpu0) / 100.0;
        System.out.printf("taxii-objects: %d pages of %d objects, %,d objects (%,.1f MB) in %.1f s: %,.0f objects/s"
                        + " (one client, one request at a time)%n", sequential.size() + random.size(), limit, served,
                bytes / 1e6, seconds, served / seconds);
        System.out.printf("taxii-objects: server CPU %.1f s: %,.0f objects per CPU-second%n", cpuSeconds,
                served / Math.max(0.01, cpuSeconds));
        report("walking with next", sequential);
        report("starting at random added_after", random);
    }

    private record Page(int count, long bytes, String next) {
    }

    private static Page page(HttpClient http, String token, String url, List<Long> latencies) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/taxii+json;version=2.1").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long took = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        if (latencies != null) {
            latencies.add(took);
        }
        JsonNode body = JSON.readTree(r.body());
        return new Page(body.get("objects").size(), r.body().length(),
                body.get("more").asBoolean() ? body.get("next").asString() : null);
    }

    private static void report(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("taxii-objects: %s — %d pages, per page p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what, sorted.length, pct(sorted, 50) / 1e6, pct(sorted, 95) / 1e6, pct(sorted, 99) / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime, in clock ticks (100/s)
    }

    private TaxiiObjectsBenchmark() {
    }

}
