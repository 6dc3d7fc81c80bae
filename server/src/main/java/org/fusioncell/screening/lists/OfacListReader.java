package org.fusioncell.screening.lists;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.fusioncell.screening.WatchlistFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads OFAC's legacy delimited files: {@code sdn.csv} with {@code alt.csv} (and {@code sdn_comments.csv},
 * which continues remarks cut at 1,000 characters) beside it, or the same set for the non-SDN
 * consolidated list ({@code cons_prim.csv}, {@code cons_alt.csv}, {@code cons_comments.csv}).
 *
 * <p>Windows-1252, no header, {@code -0-} for an empty field, a Ctrl-Z byte at the end. Individuals'
 * names, given as "LAST, First", become "First LAST" so every list gives names in one order; the
 * comma form is not kept as well, since it holds the same words and would only double the aliases.
 * The address file is not read: an address country is not a nationality, and screening must not
 * treat it as one. Identity details come from the Remarks ({@link OfacRemarks}); the whole remarks
 * text is kept as the entry's reason, being the only narrative OFAC publishes.
 */
public final class OfacListReader implements WatchlistReader {

    public static final String SDN = "sdn.csv";
    public static final String CONS = "cons_prim.csv";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    private static final int PRIMARY_FIELDS = 12;
    private static final int ALIAS_FIELDS = 5;
    private static final Pattern NAME_SUFFIX = Pattern.compile("(?i)(jr|sr)\\.?|[IVX]{2,4}");
    private static final Pattern PROGRAM_SEPARATOR = Pattern.compile("\\]\\s*\\[");
    private static final Pattern ENT_NUM = Pattern.compile("\\d{1,12}");

    /** One row of sdn.csv / cons_prim.csv, remarks completed from the comments file. */
    private record Primary(String entNum, String name, String type, String programs, @Nullable String remarks, long line) {
    }

    private record Alias(String type, String name, @Nullable String remarks) {
    }

    @Override
    public Watchlist read(Path path, @Nullable String sourceName) {
        Path primaryFile = primaryFile(path);
        boolean sdn = primaryFile.getFileName().toString().equalsIgnoreCase(SDN);
        Path dir = primaryFile.toAbsolutePath().getParent();
        Path altFile = dir.resolve(sdn ? "alt.csv" : "cons_alt.csv");
        Path commentsFile = dir.resolve(sdn ? "sdn_comments.csv" : "cons_comments.csv");
        if (!Files.isRegularFile(altFile)) {
            throw new WatchlistFormatException(primaryFile, null, altFile.getFileName()
                    + " is missing beside it: without it every alias would be lost");
        }
        WatchlistFiles.requireContent(primaryFile);

        Map<String, Primary> primaries = new LinkedHashMap<>();
        rows(primaryFile, PRIMARY_FIELDS, row -> {
            String entNum = entNum(primaryFile, row);
            String name = value(row.get(1));
            if (name == null) {
                throw new WatchlistFormatException(primaryFile, row.where(), "SDN_Name is empty");
            }
            Primary previous = primaries.put(entNum, new Primary(entNum, name, orEmpty(row.get(2)), orEmpty(row.get(3)),
                    value(row.get(11)), row.line()));
            if (previous != null) {
                throw new WatchlistFormatException(primaryFile, row.where(), "ent_num " + entNum
                        + " already used on line " + previous.line());
            }
        });
        Map<String, List<Alias>> aliases = new LinkedHashMap<>();
        rows(altFile, ALIAS_FIELDS, row -> {
            String entNum = known(altFile, row, primaries);
            String name = value(row.get(3));
            if (name != null) {
                aliases.computeIfAbsent(entNum, e -> new ArrayList<>())
                        .add(new Alias(orEmpty(row.get(2)), name, value(row.get(4))));
            }
        });
        if (Files.isRegularFile(commentsFile)) {
            rows(commentsFile, 2, row -> {
                String entNum = known(commentsFile, row, primaries);
                String more = value(row.get(1));
                Primary p = primaries.get(entNum);
                if (more != null) {
                    primaries.put(entNum, new Primary(p.entNum(), p.name(), p.type(), p.programs(),
                            (p.remarks() == null ? "" : p.remarks()) + more, p.line()));
                }
            });
        }
        List<WatchlistEntry> entries = new ArrayList<>(primaries.size());
        for (Primary p : primaries.values()) {
            entries.add(entry(primaryFile, p, aliases.getOrDefault(p.entNum(), List.of())));
        }
        String source = sourceName != null ? sourceName : sdn ? "OFAC-SDN" : "OFAC-CONS";
        // the legacy CSV set carries no publication date or version
        return new Watchlist(source, WatchlistFormat.OFAC_CSV, null, null, entries);
    }

    static Path primaryFile(Path path) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = Files.isRegularFile(path.resolve(SDN)) ? path.resolve(SDN) : path.resolve(CONS);
        }
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || !(name.equalsIgnoreCase(SDN) || name.equalsIgnoreCase(CONS))) {
            throw new WatchlistFormatException(path, null, "not an OFAC set: expected " + SDN + " or " + CONS
                    + " (or a folder holding one)");
        }
        return file;
    }

    private static WatchlistEntry entry(Path file, Primary p, List<Alias> aliases) {
        String where = "line " + p.line() + ", ent_num " + p.entNum();
        try {
            Subject.Kind kind = kind(p.type());
            boolean person = kind == Subject.Kind.PERSON;
            OfacRemarks remarks = OfacRemarks.parse(p.remarks());
            EntryNames names = new EntryNames();
            names.add(person ? naturalOrder(p.name()) : p.name(), NameQuality.PRIMARY, false);
            for (Alias alias : aliases) {
                names.add(person ? naturalOrder(alias.name()) : alias.name(), quality(alias), false);
            }
            for (OfacRemarks.WeakAlias weak : remarks.weakAliases()) {
                names.add(person ? naturalOrder(weak.name()) : weak.name(), weak.quality(), false);
            }
            return new WatchlistEntry(p.entNum(), kind, null, names.list(), remarks.birthDates(),
                    remarks.nationalities(), remarks.gender(), remarks.documents(), programmes(p.programs()), null,
                    p.remarks());
        } catch (IllegalArgumentException e) {
            throw new WatchlistFormatException(file, where, e.getMessage(), e);
        }
    }

    private static Subject.Kind kind(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "individual" -> Subject.Kind.PERSON;
            case "" -> Subject.Kind.ORGANISATION;
            case "vessel" -> Subject.Kind.VESSEL;
            case "aircraft" -> Subject.Kind.AIRCRAFT;
            default -> throw new IllegalArgumentException("unknown SDN_Type '" + type
                    + "' (expected individual, vessel, aircraft or -0-)");
        };
    }

    /** alt_type aka / fka / nka; an alt_remarks saying "weak" or "strong" rates the alias. */
    private static NameQuality quality(Alias alias) {
        String remarks = alias.remarks() == null ? "" : alias.remarks().toLowerCase(Locale.ROOT);
        if (alias.type().equalsIgnoreCase("fka")) {
            return NameQuality.FKA;
        }
        if (remarks.contains("weak")) {
            return NameQuality.LOW;
        }
        return remarks.contains("strong") ? NameQuality.GOOD : NameQuality.AKA;
    }

    /**
     * "HANIYA, Ismail Abdul Salah" → "Ismail Abdul Salah HANIYA"; "DELOS REYES, Feliciano, Jr." →
     * "Feliciano DELOS REYES Jr."; a name without a comma ("ABU ZUBAYDAH") is kept as it is.
     */
    static String naturalOrder(String name) {
        int comma = name.indexOf(',');
        if (comma < 0) {
            return name;
        }
        String last = name.substring(0, comma).strip();
        List<String> given = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (String part : name.substring(comma + 1).split(",")) {
            String p = part.strip();
            if (NAME_SUFFIX.matcher(p).matches()) {
                suffixes.add(p);
            } else if (!p.isEmpty()) {
                given.add(p);
            }
        }
        if (last.isEmpty() || given.isEmpty()) {
            return name;
        }
        String ordered = String.join(" ", given) + " " + last;
        return suffixes.isEmpty() ? ordered : ordered + " " + String.join(" ", suffixes);
    }

    /** "SDGT] [IFSR" → [SDGT, IFSR]. */
    static List<String> programmes(String programs) {
        List<String> list = new ArrayList<>();
        for (String p : PROGRAM_SEPARATOR.split(programs)) {
            String clean = p.replace("[", "").replace("]", "").strip();
            if (!clean.isEmpty() && !list.contains(clean)) {
                list.add(clean);
            }
        }
        return list;
    }

    private static void rows(Path file, int fields, Consumer<CsvRows.Row> action) {
        try (Reader reader = new CtrlZTerminatedReader(Files.newBufferedReader(file, WINDOWS_1252));
             CsvRows rows = new CsvRows(file, reader, FORMAT)) {
            for (CsvRows.Row row : rows) {
                if (row.size() != fields) {
                    throw new WatchlistFormatException(file, row.where(), row.size() + " fields, expected " + fields);
                }
                action.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String entNum(Path file, CsvRows.Row row) {
        String entNum = orEmpty(row.get(0));
        if (!ENT_NUM.matcher(entNum).matches()) {
            throw new WatchlistFormatException(file, row.where(), "ent_num '" + entNum + "' is not a number");
        }
        return entNum;
    }

    private static String known(Path file, CsvRows.Row row, Map<String, Primary> primaries) {
        String entNum = entNum(file, row);
        if (!primaries.containsKey(entNum)) {
            throw new WatchlistFormatException(file, row.where(), "ent_num " + entNum + " is not in the primary file: "
                    + "the files are not one consistent set");
        }
        return entNum;
    }

    /** OFAC writes "-0-" for an empty field. */
    private static @Nullable String value(String field) {
        String v = field == null ? "" : field.strip();
        return v.isEmpty() || v.equals("-0-") ? null : v;
    }

    private static String orEmpty(String field) {
        String v = value(field);
        return v == null ? "" : v;
    }
}
