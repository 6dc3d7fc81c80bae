package org.fusioncell.monitoring.incidents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.access.Marking;
import org.fusioncell.monitoring.incidents.IncidentDetail;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * A CSV import, all or nothing. Pass 1 reads every row through the mapping and the same checks as a
 * single incident ({@link IncidentChecks}); any problem and nothing is written, and the answer lists the
 * first {@value #MAX_LISTED} problems by row (data rows from 1, the header not counted), column and
 * field. Pass 2 ({@link IncidentImportWriter}) stores every row in one transaction.
 */
@Service
public class IncidentImport {

    public static final int MAX_LISTED = 20;

    /** One problem: {@code column} is null when the problem is not in one column (the marking). */
    public record Problem(long row, String column, String field, String problem) {
    }

    public sealed interface Outcome {
    }

    public record Imported(String importId, int imported, int duplicates, long millis) implements Outcome {
    }

    public record Invalid(List<Problem> problems, long total) implements Outcome {
    }

    private final IncidentChecks checks;
    private final IncidentImportWriter writer;
    private final IncidentSettings settings;

    IncidentImport(IncidentVocabularies vocabularies, IncidentImportWriter writer, IncidentSettings settings) {
        this.checks = new IncidentChecks(vocabularies);
        this.writer = writer;
        this.settings = settings;
    }

    /**
     * @throws InvalidInputException when the mapping names a column the header lacks, or the file is not CSV
     */
    public Outcome run(org.fusioncell.access.Reader author, InputStream file, ImportMapping mapping, Marking marking)
            throws IOException {
        long started = System.nanoTime();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(mapping.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        List<IncidentDraft> drafts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        long total = 0;
        long row = 0;
        try (Reader in = new InputStreamReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            mapping.columns().forEach((field, columns) -> columns.forEach(c -> {
                if (!header.contains(c)) {
                    throw new InvalidInputException("mapping.columns." + field,
                            "column \"" + c + "\" is not in the file's header");
                }
            }));
            for (CSVRecord record : parser) {
                row++;
                if (row > settings.importRowLimit()) {
                    throw new InvalidInputException("file", "more than " + settings.importRowLimit() + " rows");
                }
                try {
                    IncidentDraft draft = checks.check(draft(record, mapping, marking), author);
                    if (total == 0) {
                        drafts.add(draft);
                    }
                } catch (InvalidInputException e) {
                    drafts.clear(); // nothing will be written: stop holding drafts
                    total++;
                    if (problems.size() < MAX_LISTED) {
                        problems.add(new Problem(row, columnOf(mapping, e.field()), e.field(), e.problem()));
                    }
                }
            }
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidInputException("file", "not readable as CSV after data row " + row);
        }
        if (total > 0) {
            return new Invalid(List.copyOf(problems), total);
        }
        if (drafts.isEmpty()) {
            return new Invalid(List.of(new Problem(0, null, "file", "contains no rows")), 1);
        }
        IncidentImportWriter.Written w = writer.write(author, drafts, marking, mapping.source());
        return new Imported(w.importId(), w.imported(), w.duplicates(), (System.nanoTime() - started) / 1_000_000);
    }

    private static IncidentDraft draft(CSVRecord r, ImportMapping m, Marking marking) {
        return new IncidentDraft(date(r, m, "date"), date(r, m, "endDate"), precision(r, m),
                text(r, m, "placeName"), country(r, m), text(r, m, "admin1"), text(r, m, "admin1Code"),
                decimal(r, m, "latitude"), decimal(r, m, "longitude"), text(r, m, "attackType"),
                text(r, m, "targetType"), text(r, m, "weapon"), text(r, m, "perpetratorGroup"),
                text(r, m, "perpetratorEntityId"), integer(r, m, "fatalities"), integer(r, m, "injuries"),
                list(r, m, "sources"), marking, text(r, m, "reportId"), text(r, m, "description"), m.source(),
                text(r, m, "externalId"));
    }

    /** The cell(s) of a field, translated by the mapping's values, or its default; null when empty. */
    static String text(CSVRecord r, ImportMapping m, String field) {
        List<String> columns = m.columns().get(field);
        String value = null;
        if (columns != null) {
            List<String> parts = new ArrayList<>();
            for (String c : columns) {
                String cell = r.isSet(c) ? r.get(c) : null;
                if (cell != null && !cell.isBlank()) {
                    parts.add(cell.strip());
                }
            }
            value = parts.isEmpty() ? null : String.join(" — ", parts);
        }
        if (value == null) {
            value = m.defaults().get(field);
        }
        Map<String, String> translation = m.values().get(field);
        if (value != null && translation != null && translation.containsKey(value)) {
            value = translation.get(value);
        }
        return value;
    }

    private static LocalDate date(CSVRecord r, ImportMapping m, String field) {
        String v = text(r, m, field);
        if (v == null) {
            return null;
        }
        try {
            // "2016-01-01", or a timestamp whose day is what counts ("2016-01-01 00:00:00.000")
            return LocalDate.parse(v.length() > 10 && (v.charAt(10) == ' ' || v.charAt(10) == 'T') ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not a date such as 2016-01-31");
        }
    }

    private static IncidentDetail.DatePrecision precision(CSVRecord r, ImportMapping m) {
        String v = text(r, m, "datePrecision");
        if (v == null) {
            return null;
        }
        try {
            return IncidentDetail.DatePrecision.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("datePrecision", "one of DAY, WEEK, MONTH, YEAR (or map the codes in values)");
        }
    }

    private static String country(CSVRecord r, ImportMapping m) {
        String v = text(r, m, "country");
        if (v == null) {
            return null;
        }
        return Countries.resolve(v).orElseThrow(() -> new InvalidInputException("country",
                "unknown country: give an ISO 3166-1 alpha-3 code or an English name, or map it in values"));
    }

    private static Double decimal(CSVRecord r, ImportMapping m, String field) {
        String v = text(r, m, field);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "not a number");
        }
    }

    private static Integer integer(CSVRecord r, ImportMapping m, String field) {
        String v = text(r, m, field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "not a whole number");
        }
    }

    private static List<String> list(CSVRecord r, ImportMapping m, String field) {
        String v = text(r, m, field);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split(java.util.regex.Pattern.quote(m.listSeparator())))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The column a field is read from, to point at the cell; the first when several are joined. */
    private static String columnOf(ImportMapping m, String field) {
        String base = field.replaceAll("\\[\\d+]$", "");
        List<String> columns = m.columns().get(base);
        return columns == null || columns.isEmpty() ? null : columns.getFirst();
    }
}
