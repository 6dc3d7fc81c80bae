package org.fusioncell.bench.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.names.NameSpotter;
import org.fusioncell.names.Script;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Name spotting in reports, as a monitoring watch set sees them: 10,000 watched names — every person
 * name and alias of the UN Consolidated List, then Arabic- and Latin-script full names of names-dev
 * ({@code fullname_pairs.csv}) up to 10,000 — against reports of about 300 words: 150 words of the real
 * Arabic UN pages of {@code ../shared/context}, then French and English filler, with a watched name (in
 * the other romanisation when the dev pairs give one) in one report out of four. Reports per second on
 * one thread (= per core) for {@link #findIn}; {@link #put} measures building the 10,000-name set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class NameSpottingBenchmark {

    static final int WATCHED = 10_000;
    private static final int REPORTS = 400;
    private static final String FILLER = "Selon les autorités, le suspect a été interpellé hier soir à la frontière "
            + "après une longue enquête menée par les services de renseignement. The report notes that the group "
            + "continues to recruit young people online and to finance its operations through smuggling and "
            + "kidnapping. Les enquêteurs estiment que le réseau dispose de relais dans plusieurs pays de la région. "
            + "Officials said the attack was planned weeks in advance and that the perpetrators had received "
            + "training abroad, according to a statement released on Tuesday by the ministry of the interior.";

    private List<String> watched;
    private NameSpotter spotter;
    private String[] reports;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path data = SharedData.root();
        watched = new ArrayList<>(unPersonNames(data));
        List<String[]> pairs = fullNamePairs(data);
        for (String[] p : pairs) {
            if (watched.size() < WATCHED) {
                watched.add(p[0]);
            }
        }
        // then the other full names of the dev file (either side, any label) up to 10,000
        for (String name : otherFullNames(data)) {
            if (watched.size() < WATCHED && !watched.contains(name)) {
                watched.add(name);
            }
        }
        spotter = new NameSpotter();
        // names with nothing to look for (a title or a kunya alone) are refused, as a watch editor would
        watched.removeIf(name -> {
            try {
                spotter.put("w" + spotter.size(), name);
                return false;
            } catch (IllegalArgumentException refused) {
                return true;
            }
        });
        reports = reports(data, pairs);
        System.out.printf("%nwatched names %d, reports %d%n", spotter.size(), reports.length);
    }

    @Benchmark
    public int findIn() {
        return spotter.findIn(reports[next++ % reports.length]).size();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int put() {
        NameSpotter fresh = new NameSpotter();
        for (int i = 0; i < watched.size(); i++) {
            fresh.put("w" + i, watched.get(i));
        }
        return fresh.size();
    }

    private static Set<String> unPersonNames(Path data) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Watchlist list = WatchlistFiles.read(data.resolve("un-sanctions/consolidated.xml"), null);
        for (WatchlistEntry e : list.entries()) {
            Subject s = e.subject(e.reference());
            if (s.kind() == Subject.Kind.PERSON) {
                for (String name : s.names()) {
                    if (names.size() < WATCHED && watchable(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static boolean watchable(String name) {
        Script script = Script.dominant(name);
        return (script == Script.LATIN || script == Script.ARABIC) && name.codePoints().noneMatch(Character::isDigit);
    }

    /** Positive pairs of full names (watched side, other side), both Arabic or Latin script. */
    private static List<String[]> fullNamePairs(Path data) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<String[]> out = new ArrayList<>();
        Path file = data.resolve("names-dev/fullname_pairs.csv");
        try (CSVParser p = CSVParser.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8), format)) {
            for (CSVRecord r : p) {
                if (r.get("label").equals("1") && watchable(r.get("name_a")) && watchable(r.get("name_b"))) {
                    out.add(new String[] {r.get("name_a"), r.get("name_b")});
                }
            }
        }
        return out;
    }

    private static Set<String> otherFullNames(Path data) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        Set<String> out = new LinkedHashSet<>();
        Path file = data.resolve("names-dev/fullname_pairs.csv");
        try (CSVParser p = CSVParser.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8), format)) {
            for (CSVRecord r : p) {
                for (String name : List.of(r.get("name_b"), r.get("name_a"))) {
                    if (watchable(name)) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    private static String[] reports(Path data, List<String[]> pairs) throws IOException {
        Path context = data.resolve("../context").normalize();
        if (!Files.isDirectory(context)) {
            throw new IllegalStateException("the Arabic UN pages are not at " + context);
        }
        StringBuilder arabic = new StringBuilder();
        try (Stream<Path> files = Files.list(context)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                arabic.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        String[] arabicWords = arabic.toString().split(" +");
        String[] fillerWords = FILLER.split(" ");
        Random random = new Random(5);
        String[] out = new String[REPORTS];
        for (int k = 0; k < REPORTS; k++) {
            StringBuilder t = new StringBuilder();
            int from = random.nextInt(arabicWords.length - 150);
            for (int i = 0; i < 150; i++) {
                t.append(arabicWords[from + i]).append(' ');
            }
            t.append('\n');
            int start = random.nextInt(fillerWords.length);
            for (int i = 0; i < 150; i++) {
                t.append(fillerWords[(start + i) % fillerWords.length]).append(i % 40 == 39 ? "\n" : " ");
                if (k % 4 == 0 && i == 70) {
                    // the other side of a pair whose watched side is in the set (the first pairs are)
                    t.append(pairs.get(random.nextInt(Math.min(pairs.size(), 2_000)))[1]).append(' ');
                }
            }
            out[k] = t.toString();
        }
        return out;
    }
}
