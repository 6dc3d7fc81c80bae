package org.fusioncell.media.lists;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hash lists as CSV (RFC 4180: comma separated, double-quoted cells, quotes doubled, CRLF or LF) with a header
 * naming the columns {@code hash, algorithm, label, deleted} in any order. Reading is all-or-nothing: every row is
 * checked, and any problem refuses the whole list with each problem's line and column. Writing puts the columns in
 * that order and quotes only where needed. A leading byte-order mark is ignored.
 */
public final class HashListCsv {

    public static final List<String> COLUMNS = List.of("hash", "algorithm", "label", "deleted");
    /** Stop collecting after this many problems: the list is refused anyway. */
    private static final int MAX_PROBLEMS = 100;

    private HashListCsv() {
    }

    public static List<HashEntry> read(Reader in) throws IOException {
        List<HashListException.Problem> problems = new ArrayList<>();
        List<HashEntry> entries = new ArrayList<>();
        CsvRecords records = new CsvRecords(in);
        CsvRecords.Row header = records.next();
        if (header == null) {
            throw new HashListException(List.of(new HashListException.Problem(1, "hash", "the list is empty; "
                    + "the first line must name the columns " + String.join(",", COLUMNS))));
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                problems.add(new HashListException.Problem(header.line(), name.isEmpty() ? "#" + (i + 1) : name,
                        "unknown column; the columns are " + String.join(",", COLUMNS)));
            } else if (position.putIfAbsent(name, i) != null) {
                problems.add(new HashListException.Problem(header.line(), name, "the column is named twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!position.containsKey(column)) {
                problems.add(new HashListException.Problem(header.line(), column, "the header lacks this column"));
            }
        }
        if (!problems.isEmpty()) {
            throw new HashListException(problems);
        }
        for (CsvRecords.Row row = records.next(); row != null && problems.size() < MAX_PROBLEMS;
                row = records.next()) {
            if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
                continue; // blank line
            }
            if (row.cells().size() != header.cells().size()) {
                problems.add(new HashListException.Problem(row.line(), "#" + row.cells().size(), "the row has "
                        + row.cells().size() + " cells, the header " + header.cells().size()));
                continue;
            }
            HashEntry entry = entry(row, position, problems);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (records.unterminatedQuoteLine() > 0) {
            problems.add(new HashListException.Problem(records.unterminatedQuoteLine(), "label",
                    "a quoted cell is never closed"));
        }
        if (!problems.isEmpty()) {
            throw new HashListException(problems);
        }
        return entries;
    }

    private static HashEntry entry(CsvRecords.Row row, Map<String, Integer> position,
            List<HashListException.Problem> problems) {
        int before = problems.size();
        HashAlgorithm algorithm = null;
        try {
            algorithm = HashAlgorithm.parse(row.cells().get(position.get("algorithm")));
        } catch (IllegalArgumentException e) {
            problems.add(new HashListException.Problem(row.line(), "algorithm", e.getMessage()));
        }
        String hash = row.cells().get(position.get("hash"));
        if (algorithm != null) {
            try {
                hash = HashEntry.checkedHash(hash, algorithm);
            } catch (IllegalArgumentException e) {
                problems.add(new HashListException.Problem(row.line(), "hash", e.getMessage()));
            }
        }
        String deletedText = row.cells().get(position.get("deleted")).strip().toLowerCase(Locale.ROOT);
        boolean deleted = deletedText.equals("true");
        if (!deleted && !deletedText.equals("false")) {
            problems.add(new HashListException.Problem(row.line(), "deleted",
                    "must be true or false"));
        }
        String label = row.cells().get(position.get("label"));
        if (label.length() > HashEntry.MAX_LABEL) {
            problems.add(new HashListException.Problem(row.line(), "label",
                    "longer than " + HashEntry.MAX_LABEL + " characters"));
        }
        return problems.size() == before ? new HashEntry(hash, algorithm, label, deleted) : null;
    }

    public static void write(List<HashEntry> entries, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        for (HashEntry e : entries) {
            out.write(e.hash());
            out.write(',');
            out.write(e.algorithm().listName());
            out.write(',');
            out.write(quoted(e.label()));
            out.write(',');
            out.write(Boolean.toString(e.deleted()));
            out.write("\r\n");
        }
        out.flush();
    }

    private static String quoted(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || !cell.equals(cell.strip());
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
