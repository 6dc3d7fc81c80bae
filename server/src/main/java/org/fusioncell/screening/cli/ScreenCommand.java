package org.fusioncell.screening.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Candidate;
import org.fusioncell.names.Countries;
import org.fusioncell.names.NameParser;
import org.fusioncell.names.ScreeningIndex;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.lists.WatchlistFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fusioncell screen --list FILE [--list FILE …] --input names.csv --output hits.csv
 * [--threshold T]}: screens every row of a CSV (column {@code name}; optional {@code dob},
 * {@code nationality}, {@code document}, {@code gender}) against lists read from files, offline,
 * and writes one row per candidate at or above the threshold. The whole input is checked before
 * anything is screened or written: a missing column, an empty or over-long name stop the command; a
 * date of birth or nationality it cannot read is a warning, and the row is screened without it.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screens names from a CSV file against watchlist files, offline.")
public final class ScreenCommand implements Callable<Integer> {

    static final String HEADER = "input_row,query_name,entry_id,matched_name,score";
    private static final int CHUNK = 2_000;
    private static final int CANDIDATES_PER_ROW = 50;

    @Option(names = "--list", required = true,
            description = "a list file: UN Consolidated List XML, OFAC sdn.csv (or its folder), FollowTheMoney JSON lines, national CSV")
    private List<Path> lists;

    @Option(names = "--input", required = true, description = "CSV with a header: name[, dob, nationality, document, gender]")
    private Path input;

    @Option(names = "--output", required = true, description = "CSV to write: " + HEADER)
    private Path output;

    @Option(names = "--threshold", description = "lowest score reported (default ${DEFAULT-VALUE})")
    private double threshold = ScreeningIndex.DEFAULT_THRESHOLD;

    @Option(names = "--threads", description = "screening threads (default: the number of cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    private static final int MAX_WARNINGS = 20;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time the screening threads spent, so that a figure per core holds on a shared machine. */
    private final java.util.concurrent.atomic.LongAdder cpuNanos = new java.util.concurrent.atomic.LongAdder();

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Everything {@link #main} does but exiting; returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        ScreenCommand command = new ScreenCommand();
        command.out = out;
        command.err = err;
        CommandLine cli = new CommandLine(command);
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("fusioncell screen: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threshold < 0 || threshold > 1) {
            throw new CommandFailure("--threshold must be between 0 and 1, not " + threshold);
        }
        long started = System.nanoTime();
        List<Subject> listed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : lists) {
            Watchlist list = readList(file);
            for (WatchlistEntry e : list.entries()) {
                // the entry's own reference is what the output reports; lists rarely share them
                String id = ids.add(e.reference()) ? e.reference() : list.source() + ":" + e.reference();
                ids.add(id);
                listed.add(e.subject(id));
            }
        }
        ScreeningIndex index = ScreeningIndex.of(listed);
        double loaded = (System.nanoTime() - started) / 1e9;
        List<String> warnings = new ArrayList<>();
        List<Subject> queries = queries(CsvFiles.read(input), warnings);
        warnings.stream().limit(MAX_WARNINGS).forEach(w -> err.println("fusioncell screen: warning: " + w));
        if (warnings.size() > MAX_WARNINGS) {
            err.println("fusioncell screen: … and " + (warnings.size() - MAX_WARNINGS) + " more warnings");
        }
        long screeningStarted = System.nanoTime();
        long written = screen(index, queries);
        double screening = (System.nanoTime() - screeningStarted) / 1e9;
        double cpu = cpuNanos.sum() / 1e9;
        out.printf(Locale.ROOT, "fusioncell screen: %d listed subjects (%d names) loaded in %.1f s; %d names screened "
                        + "in %.1f s (%.0f per second; %.0f per CPU-second); %d candidates at or above %.2f written to %s%n",
                index.subjectCount(), index.nameCount(), loaded, queries.size(), screening,
                queries.size() / Math.max(screening, 1e-9), queries.size() / Math.max(cpu, 1e-9), written, threshold,
                output);
        return 0;
    }

    private static Watchlist readList(Path file) {
        try {
            return WatchlistFiles.read(file, null);
        } catch (RuntimeException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    /** Every row checked before any is screened: the rows become subjects, or the command stops on the first fault. */
    static List<Subject> queries(CsvFiles.Table table, List<String> warnings) {
        int name = table.column("name");
        int dob = table.optionalColumn("dob");
        int nationality = table.optionalColumn("nationality");
        int document = table.optionalColumn("document");
        int gender = table.optionalColumn("gender");
        List<Subject> out = new ArrayList<>(table.records().size());
        int row = 0;
        for (CSVRecord r : table.records()) {
            row++;
            String where = table.file().getFileName() + " row " + row + " (line " + (r.getRecordNumber() + 1) + ")";
            String n = CsvFiles.Table.value(r, name).strip();
            if (n.isEmpty()) {
                throw new CommandFailure(where + ", column name: the name is empty");
            }
            if (n.length() > NameParser.MAX_LENGTH) {
                throw new CommandFailure(where + ", column name: " + n.length() + " characters, more than the "
                        + NameParser.MAX_LENGTH + " a name may have");
            }
            // a stray look-alike letter is a warning here, not a stop: lists and manifests carry such typing
            // slips, and each word is read in its dominant script (the API refuses them outright)
            NameParser.refusal(n).ifPresent(reason -> warnings.add(where + ", column name: " + reason
                    + "; screened as written"));
            // an unreadable date or country does not stop a batch: the row is screened on its name and warned about
            List<BirthDate> dates = new ArrayList<>();
            String d = CsvFiles.Table.value(r, dob).strip();
            if (!d.isEmpty()) {
                try {
                    dates.add(BirthDate.parse(d));
                } catch (IllegalArgumentException e) {
                    warnings.add(where + ", column dob: " + e.getMessage() + "; screened without it");
                }
            }
            Set<String> nationalities = new HashSet<>();
            String nat = CsvFiles.Table.value(r, nationality).strip();
            if (!nat.isEmpty()) {
                Countries.code(nat).ifPresentOrElse(nationalities::add, () -> warnings.add(
                        where + ", column nationality: '" + nat + "' is not a country code or name; screened without it"));
            }
            String doc = CsvFiles.Table.value(r, document).strip();
            out.add(new Subject(Integer.toString(row), Subject.Kind.PERSON, List.of(n), dates, nationalities,
                    gender(CsvFiles.Table.value(r, gender), where), doc.isEmpty() ? Set.of() : Set.of(doc)));
        }
        return out;
    }

    private static Subject.Gender gender(String text, String where) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "" , "u", "unknown", "x" -> Subject.Gender.UNKNOWN;
            case "f", "female", "femme", "أنثى" -> Subject.Gender.FEMALE;
            case "m", "male", "homme", "ذكر" -> Subject.Gender.MALE;
            default -> throw new CommandFailure(where + ", column gender: '" + text + "' is not F, M or empty");
        };
    }

    /** Screens in chunks on a few threads and writes the chunks in input order. */
    private long screen(ScreeningIndex index, List<Subject> queries) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            List<Future<String>> chunks = new ArrayList<>();
            for (int from = 0; from < queries.size(); from += CHUNK) {
                List<Subject> chunk = queries.subList(from, Math.min(queries.size(), from + CHUNK));
                chunks.add(pool.submit(() -> screenChunk(index, chunk)));
            }
            for (Future<String> f : chunks) {
                String rows = f.get();
                written += rows.chars().filter(c -> c == '\n').count();
                w.write(rows);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("screening failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return written;
    }

    private String screenChunk(ScreeningIndex index, List<Subject> chunk) {
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        StringBuilder rows = new StringBuilder(chunk.size() * 8);
        for (Subject q : chunk) {
            for (Candidate c : index.screen(q, threshold, CANDIDATES_PER_ROW)) {
                rows.append(q.id()).append(',').append(csv(q.names().getFirst())).append(',')
                        .append(csv(c.listed().id())).append(',').append(csv(c.matchedName())).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", c.score())).append('\n');
            }
        }
        cpuNanos.add(CPU.getCurrentThreadCpuTime() - cpuStarted);
        return rows.toString();
    }

    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
