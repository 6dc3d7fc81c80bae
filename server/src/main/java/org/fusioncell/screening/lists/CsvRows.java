package org.fusioncell.screening.lists;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Commons CSV records with the line each ends on, and its parse errors turned into
 * {@link WatchlistFormatException}s naming the file and line.
 */
final class CsvRows implements Closeable, Iterable<CsvRows.Row> {

    private static final Pattern CSV_LINE = Pattern.compile("at line:? (\\d+)");

    /** @param line the line the record starts on (a quoted field may hold line breaks), counted from 1 */
    record Row(CSVRecord record, long line) {
        int size() {
            return record.size();
        }

        String get(int index) {
            return record.get(index);
        }

        String where() {
            return "line " + line;
        }
    }

    private final Path file;
    private final CSVParser parser;

    CsvRows(Path file, Reader reader, CSVFormat format) {
        this.file = file;
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // the header line: unreadable, or duplicate / empty column names
            throw new WatchlistFormatException(file, "line 1", "header: " + message(e), e);
        }
    }

    List<String> headerNames() {
        return parser.getHeaderNames();
    }

    @Override
    public Iterator<Row> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw failure(e);
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord record = records.next();
                // the parser knows the line a record ends on; a record spanning lines is named by its first
                return new Row(record, parser.getCurrentLineNumber() - lineBreaks(record));
            }
        };
    }

    private static long lineBreaks(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private WatchlistFormatException failure(UncheckedIOException e) {
        String message = message(e.getCause());
        Matcher line = CSV_LINE.matcher(message);
        long at = line.find() ? Long.parseLong(line.group(1)) : parser.getCurrentLineNumber() + 1;
        return new WatchlistFormatException(file, "line " + at, "not valid CSV: " + message, e);
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
