package org.fusioncell.screening.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.names.NameMatcher;
import org.fusioncell.names.Script;
import org.fusioncell.names.BaselineMatcher;
import org.fusioncell.names.PairEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fusioncell names-eval --pairs pairs.csv [--scores-out scores.csv]}: scores labelled name
 * pairs with the names engine and with the baseline (ICU Any-Latin; Latin-ASCII, then Jaro-Winkler),
 * and prints precision, recall and F1 at the engine's default threshold and at the best-F1 threshold,
 * overall and per pair of scripts.
 */
@Command(name = "names-eval", mixinStandardHelpOptions = true,
        description = "Measures the names engine on labelled pairs (columns name_a, name_b, label).")
public final class NamesEvalCommand implements Callable<Integer> {

    @Option(names = "--pairs", required = true, description = "CSV with a header and columns name_a, name_b, label (1/0)")
    private Path pairs;

    @Option(names = "--scores-out", description = "write the engine's score of every pair, in input order (column 'score')")
    private Path scoresOut;

    private PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Everything {@link #main} does but exiting; returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        NamesEvalCommand command = new NamesEvalCommand();
        command.out = out;
        CommandLine cli = new CommandLine(command);
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("fusioncell names-eval: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        CsvFiles.Table table = CsvFiles.read(pairs);
        int a = table.column("name_a");
        int b = table.column("name_b");
        int l = table.column("label");
        List<CSVRecord> rows = table.records();
        int n = rows.size();
        if (n == 0) {
            throw new CommandFailure(pairs.getFileName() + " has a header but no pairs");
        }
        String[] nameA = new String[n];
        String[] nameB = new String[n];
        boolean[] label = new boolean[n];
        for (int i = 0; i < n; i++) {
            CSVRecord r = rows.get(i);
            nameA[i] = CsvFiles.Table.value(r, a);
            nameB[i] = CsvFiles.Table.value(r, b);
            label[i] = label(CsvFiles.Table.value(r, l), r.getRecordNumber() + 1);
        }
        NameMatcher engine = new NameMatcher();
        BaselineMatcher baseline = new BaselineMatcher();
        double[] scores = new double[n];
        double[] base = new double[n];
        long started = System.nanoTime();
        IntStream.range(0, n).parallel().forEach(i -> {
            scores[i] = safeScore(engine, nameA[i], nameB[i]);
            base[i] = baseline.score(nameA[i], nameB[i]);
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long positives = IntStream.range(0, n).filter(i -> label[i]).count();
        out.printf(Locale.ROOT, "%s: %d pairs (%d matches, %d non-matches), scored in %.1f s%n",
                pairs.getFileName(), n, positives, n - positives, seconds);
        report("all pairs", IntStream.range(0, n).toArray(), scores, base, label);
        Map<String, int[]> slices = slices(nameA, nameB);
        slices.forEach((name, idx) -> report(name, idx, scores, base, label));
        if (scoresOut != null) {
            try (BufferedWriter w = Files.newBufferedWriter(scoresOut, StandardCharsets.UTF_8)) {
                w.write("score\n");
                for (double s : scores) {
                    w.write(String.format(Locale.ROOT, "%.6f%n", s));
                }
            }
            out.println("scores written to " + scoresOut);
        }
        return 0;
    }

    private static double safeScore(NameMatcher engine, String a, String b) {
        try {
            return engine.compare(a, b).score();
        } catch (IllegalArgumentException tooLong) {
            return 0;
        }
    }

    private static boolean label(String text, long line) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "match" -> true;
            case "0", "false", "no", "non-match" -> false;
            default -> throw new CommandFailure("line " + line + ", column label: '" + text
                    + "' is not a label (1/0, true/false)");
        };
    }

    private void report(String name, int[] idx, double[] scores, double[] base, boolean[] labels) {
        double[] s = new double[idx.length];
        double[] bs = new double[idx.length];
        boolean[] ls = new boolean[idx.length];
        for (int k = 0; k < idx.length; k++) {
            s[k] = scores[idx[k]];
            bs[k] = base[idx[k]];
            ls[k] = labels[idx[k]];
        }
        PairEvaluation engine = new PairEvaluation(s, ls);
        PairEvaluation baseline = new PairEvaluation(bs, ls);
        out.printf(Locale.ROOT, "%n%s (%d pairs)%n", name, idx.length);
        line("engine   at default", engine.at(NameMatcher.DEFAULT_THRESHOLD));
        line("engine   at best-F1", engine.best());
        line("baseline at best-F1", baseline.best());
    }

    private void line(String what, PairEvaluation.Figures f) {
        out.printf(Locale.ROOT, "  %s  threshold %.3f  precision %.4f  recall %.4f  F1 %.4f%n",
                what, f.threshold(), f.precision(), f.recall(), f.f1());
    }

    /** Pairs grouped by the scripts of their two names, e.g. "arabic→latin"; only slices of 20 pairs or more. */
    private static Map<String, int[]> slices(String[] a, String[] b) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < a.length; i++) {
            String key = Script.dominant(a[i]).name().toLowerCase(Locale.ROOT) + "→"
                    + Script.dominant(b[i]).name().toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(i);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> {
            if (v.size() >= 20) {
                out.put(k, v.stream().mapToInt(Integer::intValue).toArray());
            }
        });
        return out;
    }
}
