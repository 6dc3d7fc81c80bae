package org.fusioncell.screening.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.shared.InvalidInputException;

/**
 * A batch file to screen: UTF-8 CSV (RFC 4180 quoting, comma separated) whose header holds a {@code name}
 * column and any of {@code dob}, {@code nationality}, {@code document}, {@code gender}, in any order and
 * case. The whole file is checked before anything is screened: a wrong header is refused naming the
 * column, and every wrong cell is listed by line and column. Plain Java.
 */
public final class BatchCsv {

    public static final List<String> COLUMNS = List.of("name", "dob", "nationality", "document", "gender");
    static final int LISTED_ERRORS = 50;

    /** One problem: the line (1 = the header), the column, what is wrong. */
    public record Problem(int line, String field, String problem) {
    }

    /** The rows to screen, each with its line number in the file. */
    public record Rows(List<Integer> lines, List<ScreeningQuery> queries) {
    }

    /** Thrown when the file is wrong; nothing has been screened. {@code total} may exceed the problems listed. */
    public static final class Invalid extends RuntimeException {
        private final transient List<Problem> problems;
        private final int total;

        Invalid(List<Problem> problems, int total) {
            super(total + " problem(s) in the file, first: line " + problems.getFirst().line() + ", "
                    + problems.getFirst().field() + ": " + problems.getFirst().problem());
            this.problems = List.copyOf(problems);
            this.total = total;
        }

        public List<Problem> problems() {
            return problems;
        }

        public int total() {
            return total;
        }
    }

    private BatchCsv() {
    }

    public static Rows read(byte[] bytes, int maxRows) {
        List<List<String>> records = records(text(bytes));
        if (records.isEmpty()) {
            throw invalid(1, "file", "empty: the first line must be a header with a 'name' column");
        }
        Map<String, Integer> column = header(records.getFirst());
        List<Problem> problems = new ArrayList<>();
        int total = 0;
        List<Integer> lines = new ArrayList<>();
        List<ScreeningQuery> queries = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            int line = r + 1;
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue; // an empty line
            }
            if (lines.size() == maxRows) {
                throw invalid(line, "file", "more than " + maxRows + " rows: split the file");
            }
            try {
                if (cells.size() != records.getFirst().size()) {
                    throw new InvalidInputException("row", cells.size() + " cells where the header has "
                            + records.getFirst().size());
                }
                queries.add(ScreeningInput.query(cell(cells, column, "name"), cell(cells, column, "dob"),
                        cell(cells, column, "nationality"), cell(cells, column, "document"),
                        cell(cells, column, "gender"), ScreeningInput.Fields.CSV));
                lines.add(line);
            } catch (InvalidInputException e) {
                total++;
                if (problems.size() < LISTED_ERRORS) {
                    problems.add(new Problem(line, e.field(), e.problem()));
                }
            }
        }
        if (total > 0) {
            throw new Invalid(problems, total);
        }
        if (queries.isEmpty()) {
            throw invalid(2, "file", "no row to screen after the header");
        }
        return new Rows(lines, queries);
    }

    private static Invalid invalid(int line, String field, String problem) {
        return new Invalid(List.of(new Problem(line, field, problem)), 1);
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null ? null : cells.get(i);
    }

    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String written = cells.get(i).strip();
            String name = written.toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw invalid(1, written.isEmpty() ? "column " + (i + 1) : written, "unknown column; the columns are "
                        + String.join(", ", COLUMNS) + " ('name' required)");
            }
            if (column.put(name, i) != null) {
                throw invalid(1, written, "the column is given twice");
            }
        }
        if (!column.containsKey("name")) {
            throw invalid(1, "name", "required column missing; the header has " + String.join(", ", cells));
        }
        return column;
    }

    private static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw invalid(1, "file", "not UTF-8 text: save the file as CSV UTF-8");
        }
    }

    /** RFC 4180: fields separated by commas, quoted with '"' (doubled inside), records ended by CRLF or LF. */
    static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                out.add(record);
                record = new ArrayList<>();
                any = false;
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw invalid(line, "file", "a quoted cell is not closed");
        }
        if (any) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
