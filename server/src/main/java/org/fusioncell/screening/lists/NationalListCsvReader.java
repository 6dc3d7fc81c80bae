package org.fusioncell.screening.lists;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Countries;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.fusioncell.screening.WatchlistFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads FusionCell's CSV for national lists (docs/screening.md, "List formats"): UTF-8, a header row
 * naming any of {@link #COLUMNS} in any order, {@code id} and {@code name} required. Being our own
 * format it is read strictly: unknown columns, unknown countries, kinds or genders, bad dates and
 * duplicate ids are errors naming the line and column, because a typo in a national list would
 * otherwise silently weaken screening.
 */
public final class NationalListCsvReader implements WatchlistReader {

    public static final List<String> COLUMNS = List.of("id", "name", "aliases", "original_script_name", "kind",
            "date_of_birth", "nationality", "gender", "document_type", "document_number", "listing_reference",
            "listed_on", "reason");
    private static final List<String> REQUIRED = List.of("id", "name");
    private static final String SEPARATOR = "\\|";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setIgnoreEmptyLines(true).setTrim(true).get();

    @Override
    public Watchlist read(Path file, @Nullable String sourceName) {
        WatchlistFiles.requireContent(file);
        Utf8Lines.requireUtf8(file);
        List<WatchlistEntry> entries = new ArrayList<>();
        Map<String, Long> idLines = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvRows rows = new CsvRows(file, skipByteOrderMark(reader), FORMAT)) {
            List<String> header = rows.headerNames();
            checkHeader(file, header);
            for (CsvRows.Row row : rows) {
                if (row.size() != header.size()) {
                    throw new WatchlistFormatException(file, row.where(), row.size() + " fields, the header has "
                            + header.size());
                }
                WatchlistEntry entry = entry(file, row);
                Long previous = idLines.putIfAbsent(entry.reference(), row.line());
                if (previous != null) {
                    throw new WatchlistFormatException(file, row.where() + ", column id", "id " + entry.reference()
                            + " is already used on line " + previous);
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (entries.isEmpty()) {
            throw new WatchlistFormatException(file, null, "a header but no entries");
        }
        String source = sourceName != null ? sourceName : file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return new Watchlist(source, WatchlistFormat.NATIONAL_CSV, null, null, entries);
    }

    private static void checkHeader(Path file, List<String> header) {
        List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw new WatchlistFormatException(file, "line 1", "unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (the columns are " + String.join(",", COLUMNS) + ")");
        }
        List<String> missing = REQUIRED.stream().filter(r -> !header.contains(r)).toList();
        if (!missing.isEmpty()) {
            throw new WatchlistFormatException(file, "line 1", "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
    }

    private static WatchlistEntry entry(Path file, CsvRows.Row row) {
        String column = "id";
        try {
            String id = required(row, "id");
            column = "name";
            EntryNames names = new EntryNames();
            names.add(required(row, "name"), NameQuality.PRIMARY, false);
            column = "aliases";
            list(row, column).forEach(a -> names.add(a, NameQuality.AKA, false));
            column = "original_script_name";
            list(row, column).forEach(n -> names.add(n, NameQuality.GOOD, true));
            column = "kind";
            Subject.Kind kind = kind(value(row, column));
            column = "date_of_birth";
            List<BirthDate> birthDates = list(row, column).stream().map(BirthDate::parse).distinct().toList();
            column = "nationality";
            Set<String> nationalities = new LinkedHashSet<>();
            for (String n : list(row, column)) {
                nationalities.add(Countries.code(n).orElseThrow(() -> new IllegalArgumentException("'" + n
                        + "' is not a country FusionCell knows (use ISO 3166 codes such as sy or SYR)")));
            }
            column = "gender";
            Subject.Gender gender = gender(value(row, column));
            column = "document_number";
            List<IdentityDocument> documents = documents(row);
            column = "listed_on";
            String listed = value(row, column);
            LocalDate listedOn = listed == null ? null : LocalDate.parse(listed);
            column = "name";
            return new WatchlistEntry(id, kind, value(row, "listing_reference"), names.list(), birthDates,
                    List.copyOf(nationalities), gender, documents, List.of(), listedOn, value(row, "reason"));
        } catch (DateTimeParseException e) {
            throw new WatchlistFormatException(file, row.where() + ", column " + column, "not a date (YYYY-MM-DD): '"
                    + e.getParsedString() + "'", e);
        } catch (IllegalArgumentException e) {
            throw new WatchlistFormatException(file, row.where() + ", column " + column, e.getMessage(), e);
        }
    }

    private static List<IdentityDocument> documents(CsvRows.Row row) {
        String type = value(row, "document_type");
        List<String> numbers = list(row, "document_number");
        if (type != null && numbers.isEmpty()) {
            throw new IllegalArgumentException("document_type is given without a document number");
        }
        return numbers.stream().map(n -> new IdentityDocument(type, n, null, null)).toList();
    }

    private static Subject.Kind kind(@Nullable String kind) {
        if (kind == null) {
            return Subject.Kind.PERSON;
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "person" -> Subject.Kind.PERSON;
            case "organisation", "organization" -> Subject.Kind.ORGANISATION;
            case "vessel" -> Subject.Kind.VESSEL;
            case "aircraft" -> Subject.Kind.AIRCRAFT;
            default -> throw new IllegalArgumentException("'" + kind
                    + "' is not a kind (person, organisation, vessel or aircraft)");
        };
    }

    private static Subject.Gender gender(@Nullable String gender) {
        if (gender == null) {
            return Subject.Gender.UNKNOWN;
        }
        return switch (gender.toLowerCase(Locale.ROOT)) {
            case "male", "m" -> Subject.Gender.MALE;
            case "female", "f" -> Subject.Gender.FEMALE;
            default -> throw new IllegalArgumentException("'" + gender + "' is not a gender (male, female or empty)");
        };
    }

    private static String required(CsvRows.Row row, String column) {
        String value = value(row, column);
        if (value == null) {
            throw new IllegalArgumentException("a value is required");
        }
        return value;
    }

    private static @Nullable String value(CsvRows.Row row, String column) {
        if (!row.record().isMapped(column)) {
            return null;
        }
        String v = row.record().get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> list(CsvRows.Row row, String column) {
        String v = value(row, column);
        if (v == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split(SEPARATOR)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** Commons CSV would take a byte-order mark as part of the first column's name. */
    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
