package org.fusioncell.bench.ingest;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * End-to-end ingest: generates N synthetic multilingual reports (about 1 KB of text each, with a
 * phone number, an e-mail address and an IBAN) as a JSON lines file, then posts it in batches to a
 * running server's {@code POST /api/v1/reports/import} and prints reports per second. No network
 * beyond the server given; the vocabulary is built in. Not JMH: the figure is the wall-clock time
 * of the whole upload, server work included (see docs/benchmarks-ingest.md).
 * <pre>java -cp bench/target/benchmarks.jar org.fusioncell.bench.ingest.IngestBenchmark BASE_URL TOKEN N BATCH [CLASSIFICATION]</pre>
 */
public final class IngestBenchmark {

    private static final String[][] SENTENCES = {
        {"شوهدت مركبة رباعية الدفع تعبر المنطقة الحدودية ليلاً دون أضواء.",
            "أفاد مصدر موثوق بأن اجتماعاً عُقد في مستودع قرب الميناء.",
            "تم تحويل مبلغ كبير إلى حساب في الخارج خلال أسبوع واحد.",
            "قال الشاهد إن الشخصين غادرا المدينة بعد منتصف الليل.",
            "لوحظ نشاط غير عادي على شبكات التواصل الاجتماعي حول السوق المركزي.",
            "تتطابق هذه المعلومات مع تقرير سابق من الجمارك عن شحنة مشبوهة."},
        {"Un véhicule tout-terrain a été vu franchissant la frontière de nuit, tous feux éteints.",
            "Une source fiable signale une réunion dans un entrepôt près du port.",
            "Un montant important a été viré vers un compte à l'étranger en une semaine.",
            "Le témoin affirme que les deux individus ont quitté la ville après minuit.",
            "Une activité inhabituelle a été relevée sur les réseaux sociaux autour du marché central.",
            "Ces éléments concordent avec un signalement antérieur des douanes sur une cargaison suspecte."},
        {"An off-road vehicle was seen crossing the border area at night without lights.",
            "A reliable source reports a meeting in a warehouse near the harbour.",
            "A large sum was transferred to an account abroad within a single week.",
            "The witness says the two persons left the city after midnight.",
            "Unusual activity was noticed on social networks around the central market.",
            "This matches an earlier customs report about a suspicious shipment."}};
    private static final String[][] TITLES = {
        {"تقرير عن عبور حدودي", "تحويل مالي مشبوه", "اجتماع قرب الميناء"},
        {"Passage de frontière", "Virement suspect", "Réunion près du port"},
        {"Border crossing", "Suspicious transfer", "Meeting near the harbour"}};
    private static final String[] CONTACT = {"للتواصل: ", "Contact : ", "Contact: "};

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: IngestBenchmark BASE_URL TOKEN N BATCH [CLASSIFICATION]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String token = args[1];
        int n = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        String classification = args.length > 4 ? args[4] : "RESTRICTED";

        long g0 = System.nanoTime();
        Path file = Files.createTempFile("fusioncell-ingest-", ".jsonl");
        long bytes = generate(file, n, classification);
        double generation = (System.nanoTime() - g0) / 1e9;
        System.out.printf(Locale.ROOT, "generated %,d reports (%,d bytes, %.0f bytes each) in %.1f s: %s%n", n, bytes,
                (double) bytes / n, generation, file);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int imported = 0;
        for (int from = 0; from < lines.size(); from += batch) {
            List<String> part = lines.subList(from, Math.min(lines.size(), from + batch));
            long b0 = System.nanoTime();
            HttpResponse<String> r = client.send(upload(base, token, String.join("\n", part)),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                System.err.println("batch at " + from + " answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(600, r.body().length())));
                System.exit(1);
            }
            imported += part.size();
            System.out.printf(Locale.ROOT, "  batch %d: %d reports in %.2f s%n", from / batch + 1, part.size(),
                    (System.nanoTime() - b0) / 1e9);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "imported %,d reports in %.1f s: %.0f reports/s (end to end, batches of %d)%n",
                imported, seconds, imported / seconds, batch);
        Files.deleteIfExists(file);
    }

    private static HttpRequest upload(String base, String token, String jsonLines) {
        String boundary = "----fusioncell-ingest-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jsonLines.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** Writes the file; returns its size in bytes. Seeded: the same N gives the same file. */
    static long generate(Path file, int n, String classification) throws IOException {
        SplittableRandom random = new SplittableRandom(20260301L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                out.write(report(i, random, classification));
                out.write('\n');
            }
        }
        return Files.size(file);
    }

    public static String report(int i, SplittableRandom random, String classification) {
        int lang = i % 3;
        StringBuilder body = new StringBuilder(1200);
        while (body.length() < 900) {
            body.append(SENTENCES[lang][random.nextInt(SENTENCES[lang].length)]).append(' ');
        }
        String phone = String.format(Locale.ROOT, "+216 %02d %03d %03d", 20 + random.nextInt(80), random.nextInt(1000),
                random.nextInt(1000));
        String mail = "contact" + random.nextInt(100_000) + "@example.org";
        body.append(CONTACT[lang]).append(phone).append(", ").append(mail).append(", IBAN ").append(iban(random)).append('.');
        String title = TITLES[lang][random.nextInt(TITLES[lang].length)] + " " + (i + 1);
        return "{\"title\":" + quote(title) + ",\"body\":" + quote(body.toString())
                + ",\"occurredAt\":\"2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T0" + random.nextInt(10)
                + ":30:00Z\",\"grading\":{\"sourceReliability\":\"" + "ABCDEF".charAt(random.nextInt(6))
                + "\",\"informationCredibility\":" + (1 + random.nextInt(6)) + "},\"marking\":{\"classification\":\""
                + classification + "\",\"tlp\":\"AMBER\"}}";
    }

    /** A French IBAN with correct check digits (ISO 13616 mod 97), so extractors can accept it. */
    static String iban(SplittableRandom random) {
        StringBuilder bban = new StringBuilder(23);
        for (int i = 0; i < 23; i++) {
            bban.append(random.nextInt(10));
        }
        BigInteger number = new BigInteger(bban + "1527" + "00"); // F=15, R=27
        int check = 98 - number.mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "FR%02d%s", check, bban);
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
