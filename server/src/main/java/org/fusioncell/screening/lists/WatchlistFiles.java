package org.fusioncell.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistFormat;
import org.jspecify.annotations.Nullable;

/**
 * The front door for list files: tells the format from the file and reads it with the right reader.
 *
 * <ul>
 *   <li>XML (first character {@code <}) → UN Consolidated List; the reader checks the root is CONSOLIDATED_LIST.</li>
 *   <li>a folder holding {@code sdn.csv} or {@code cons_prim.csv}, or either file itself → OFAC.</li>
 *   <li>{@code .jsonl}, {@code .ndjson}, {@code .json}, or a first character {@code &#123;} → FollowTheMoney.</li>
 *   <li>{@code .csv} whose first line is a header with {@code id} and {@code name} → national CSV.</li>
 * </ul>
 */
public final class WatchlistFiles {

    private static final int SNIFF_BYTES = 4096;

    private WatchlistFiles() {
    }

    /** Reads the list, whatever its format. {@code sourceName} null gives the format's default. */
    public static Watchlist read(Path path, @Nullable String sourceName) {
        return reader(detect(path)).read(path, sourceName);
    }

    public static WatchlistReader reader(WatchlistFormat format) {
        return switch (format) {
            case UN_CONSOLIDATED_XML -> new UnConsolidatedListReader();
            case OFAC_CSV -> new OfacListReader();
            case FOLLOW_THE_MONEY_JSONL -> new FollowTheMoneyReader();
            case NATIONAL_CSV -> new NationalListCsvReader();
        };
    }

    /**
     * @throws WatchlistFormatException when the path is none of the formats FusionCell reads, saying why
     */
    public static WatchlistFormat detect(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(OfacListReader.SDN)) || Files.isRegularFile(path.resolve(OfacListReader.CONS))) {
                return WatchlistFormat.OFAC_CSV;
            }
            throw new WatchlistFormatException(path, null, "a folder without " + OfacListReader.SDN + " or "
                    + OfacListReader.CONS + "; the only folder format is OFAC's CSV set");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals(OfacListReader.SDN) || name.equals(OfacListReader.CONS)) {
            return WatchlistFormat.OFAC_CSV;
        }
        requireContent(path);
        String head = head(path);
        String start = head.stripLeading();
        if (start.startsWith("<")) {
            return WatchlistFormat.UN_CONSOLIDATED_XML;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") || start.startsWith("{")) {
            return WatchlistFormat.FOLLOW_THE_MONEY_JSONL;
        }
        if (name.endsWith(".csv")) {
            String firstLine = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
            if (firstLine.matches("(.*,)?\"?id\"?(,.*)?") && firstLine.matches("(.*,)?\"?name\"?(,.*)?")) {
                return WatchlistFormat.NATIONAL_CSV;
            }
            if (firstLine.matches("\\d+,\".*")) {
                throw new WatchlistFormatException(path, "line 1", "looks like an OFAC legacy CSV file; read it as "
                        + OfacListReader.SDN + " or " + OfacListReader.CONS + " (or their folder) so that its aliases are joined");
            }
            throw new WatchlistFormatException(path, "line 1", "a CSV file without the national list header "
                    + "(id,name,… — see docs/screening.md)");
        }
        throw new WatchlistFormatException(path, null, "not a list format FusionCell reads (UN XML, OFAC CSV, "
                + "FollowTheMoney JSON lines, national CSV)");
    }

    /** Refuses an empty file with a clear message rather than a parser's "premature end of file". */
    static void requireContent(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new WatchlistFormatException(file, null, "the file is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String head(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
            return head.startsWith("\uFEFF") ? head.substring(1) : head;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
