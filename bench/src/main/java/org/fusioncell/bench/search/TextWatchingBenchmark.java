package org.fusioncell.bench.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fusioncell.search.InvalidQueryText;
import org.fusioncell.search.TextWatchSet;
import org.fusioncell.search.internal.LuceneTextWatching;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Text watches: one new document of about 300 words matched against a set of standing queries
 * ({@code watches}, 10,000 by default), on one thread. Queries and documents are made from the words of
 * the five Arabic UN pages of {@code ../shared/context}, the English summaries of its README and built-in
 * French and English report text (documents: Arabic 80 %, English 15 %, French 5 %):
 * content words (4 letters or more, drawn among distinct words, so rare words are as likely as common
 * ones) mostly in conjunctions of two or three words and phrases taken from the text, some single words,
 * alternatives, exclusions, brackets, prefixes and a few pure exclusions. {@code matchUnknownLanguage} analyses the document as Arabic, French
 * and English at once ({@code matching(title, body)}); {@code matchKnownLanguage} with the document's
 * language. Documents per second = operations per second. Target: 2,000/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class TextWatchingBenchmark {

    private static final String[] FRENCH = {
        "L'attentat contre la gare routière a fait trois blessés selon la police.",
        "Les enquêteurs ont identifié deux suspects après l'explosion près du marché central.",
        "Un attentat déjoué : les services ont saisi des explosifs dans un entrepôt du port.",
        "L'échange d'informations entre les États est essentiel pour prévenir les attentats.",
        "La cellule de fusion nationale recueille, rassemble et analyse les renseignements.",
        "Des combattants terroristes étrangers ont franchi la frontière de nuit, tous feux éteints.",
        "Le groupe armé a revendiqué l'enlèvement des travailleurs humanitaires dans la région.",
        "Les autorités ont gelé les avoirs d'une association soupçonnée de financer le terrorisme.",
        "Une source fiable signale une réunion dans un entrepôt près du port avant l'aube.",
        "Un montant important a été viré vers un compte à l'étranger en une semaine."};
    private static final String[] ENGLISH = {
        "The terrorists attacked the convoy near the border; the group's leaders fled north.",
        "A suspicious vehicle was reported near the harbour by customs officers at night.",
        "Police foiled a bomb plot and arrested three suspects in a raid on a warehouse.",
        "The national fusion cell shares threat assessments with regional partners every week.",
        "Foreign terrorist fighters returning from the conflict zone were screened at the airport.",
        "Investigators are tracing a large transfer to an account abroad linked to the attack.",
        "Unusual activity was noticed on social networks around the central market.",
        "This matches an earlier customs report about a suspicious shipment of chemicals."};

    @Param("10000")
    public int watches;

    private TextWatchSet set;
    private String[] titles;
    private String[] bodies;
    private String[] languages;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<String[]> arabic = sentences(arabicText());
        List<String[]> french = sentences(String.join(" ", FRENCH));
        List<String[]> english = sentences(String.join(" ", ENGLISH) + " " + englishSummaries());
        List<List<String[]>> byLanguage = List.of(arabic, french, english);
        String[] codes = {"ar", "fr", "en"};
        SplittableRandom random = new SplittableRandom(42);
        set = new LuceneTextWatching().newSet();
        int refused = 0;
        List<String[]> content = byLanguage.stream().map(TextWatchingBenchmark::contentWords).toList();
        for (int i = 0; set.size() < watches; i++) {
            int l = languageOf(random);
            try {
                set.put("w" + i, query(random, byLanguage.get(l), content.get(l)));
            } catch (InvalidQueryText e) {
                refused++;
            }
        }
        int documents = 256;
        titles = new String[documents];
        bodies = new String[documents];
        languages = new String[documents];
        for (int d = 0; d < documents; d++) {
            int l = languageOf(random);
            languages[d] = codes[l];
            titles[d] = String.join(" ", window(random, byLanguage.get(l), 6));
            bodies[d] = String.join(" ", window(random, byLanguage.get(l), 300));
        }
        long matches = 0;
        for (int d = 0; d < documents; d++) {
            matches += set.matching(titles[d], bodies[d], languages[d]).size();
        }
        System.out.printf("%nwatches %d (refused while generating: %d), documents %d, matches per document %.1f%n",
                set.size(), refused, documents, matches / (double) documents);
    }

    @Benchmark
    public int matchUnknownLanguage() {
        int d = next++ & (titles.length - 1);
        return set.matching(titles[d], bodies[d]).size();
    }

    @Benchmark
    public int matchKnownLanguage() {
        int d = next++ & (titles.length - 1);
        return set.matching(titles[d], bodies[d], languages[d]).size();
    }

    /** Arabic 80 %, English 15 %, French 5 % (the French text here is short: its documents hold all of it). */
    private static int languageOf(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 80 ? 0 : r < 95 ? 2 : 1;
    }

    /** Distinct words of four letters or more. */
    private static String[] contentWords(List<String[]> text) {
        return text.stream().flatMap(Arrays::stream).filter(w -> w.codePointCount(0, w.length()) >= 4).distinct()
                .toArray(String[]::new);
    }

    private static String query(SplittableRandom random, List<String[]> text, String[] words) {
        String a = words[random.nextInt(words.length)];
        String b = words[random.nextInt(words.length)];
        String c = words[random.nextInt(words.length)];
        String[] s = text.get(random.nextInt(text.size()));
        int at = random.nextInt(Math.max(1, s.length - 1));
        String phrase = s.length > 1 ? "\"" + s[at] + " " + s[at + 1] + "\"" : a;
        int kind = random.nextInt(100);
        if (kind < 5) return a;
        if (kind < 50) return a + " " + b;
        if (kind < 65) return a + " " + b + " " + c;
        if (kind < 80) return phrase;
        if (kind < 85) return a + " | " + b;
        if (kind < 90) return a + " " + b + " -" + c;
        if (kind < 95) return "(" + a + " | " + b + ") " + c;
        if (kind < 99) return a.substring(0, a.offsetByCodePoints(0, 4)) + "* " + b;
        return "-" + a;
    }

    private static List<String> window(SplittableRandom random, List<String[]> text, int words) {
        List<String> out = new ArrayList<>();
        for (int s = random.nextInt(text.size()); out.size() < words; s = (s + 1) % text.size()) {
            out.addAll(Arrays.asList(text.get(s)));
        }
        return out.subList(0, words);
    }

    private static List<String[]> sentences(String text) {
        List<String[]> out = new ArrayList<>();
        for (String s : text.split("[.؛;:!?\\n]+")) {
            String[] words = Arrays.stream(s.split("[^\\p{L}\\p{N}'’]+")).filter(w -> !w.isBlank()
                    && !w.startsWith("'") && !w.endsWith("'")).toArray(String[]::new);
            if (words.length > 0) {
                out.add(words);
            }
        }
        return out;
    }

    private static String arabicText() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(contextFolder())) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    /** The English summaries in the context folder's README table. */
    private static String englishSummaries() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String line : Files.readAllLines(contextFolder().resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| 0")) {
                all.append(line.split("\\|")[2]).append(' ');
            }
        }
        return all.toString();
    }

    private static Path contextFolder() {
        Path dir = null;
        String env = System.getenv("FUSIONCELL_TEST_DATA");
        for (Path p : Stream.of(env == null ? null : Path.of(env).resolveSibling("context"), Path.of("../shared/context"),
                Path.of("../../shared/context")).filter(p -> p != null).toList()) {
            if (Files.isDirectory(p)) {
                dir = p;
                break;
            }
        }
        if (dir == null) {
            throw new IllegalStateException("the Arabic pages (../shared/context or $FUSIONCELL_TEST_DATA/../context) are not here");
        }
        return dir;
    }
}
