package org.fusioncell.screening.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reading the command line's CSV inputs: UTF-8 (a BOM tolerated), a header row, named columns. */
final class CsvFiles {

    private CsvFiles() {
    }

    /** A CSV file read whole: its header (lower-cased column name → index) and its records. */
    record Table(Path file, Map<String, Integer> columns, List<CSVRecord> records) {

        int column(String name) {
            Integer i = columns.get(name);
            if (i == null) {
                throw new CommandFailure(file.getFileName() + " has no column '" + name + "' (its columns: "
                        + String.join(", ", columns.keySet()) + ")");
            }
            return i;
        }

        int optionalColumn(String name) {
            return columns.getOrDefault(name, -1);
        }

        /** The value, or "" when the record is shorter than the header. */
        static String value(CSVRecord r, int column) {
            return column >= 0 && column < r.size() ? r.get(column) : "";
        }
    }

    static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("no such file: " + file);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> columns = new java.util.LinkedHashMap<>();
            parser.getHeaderMap().forEach((k, v) -> columns.put(
                    k.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), v));
            if (columns.isEmpty()) {
                throw new CommandFailure(file.getFileName() + " is empty: a header row is needed");
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r);
            }
            return new Table(file, columns, records);
        } catch (java.io.UncheckedIOException e) {
            throw failure(file, e.getCause());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw failure(file, e);
        }
    }

    private static CommandFailure failure(Path file, Exception e) {
        if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
            return new CommandFailure(file.getFileName() + " is not UTF-8 text");
        }
        return new CommandFailure(file.getFileName() + ": " + e.getMessage());
    }
}
