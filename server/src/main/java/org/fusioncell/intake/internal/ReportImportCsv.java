package org.fusioncell.intake.internal;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: quoted fields with doubled quotes, delimiters and line breaks inside quotes,
 * CRLF or LF line ends, an optional UTF-8 byte order mark. One record at a time, so a large file is
 * never held whole. A malformed record is returned with its problem rather than thrown, so the
 * validation pass can go on and list every error of the file.
 */
public final class ReportImportCsv {

    /** {@code line} is the physical line the record starts on (1-based); {@code problem} is null when well formed. */
    public record Record(long line, List<String> fields, String problem) {

        boolean blank() {
            return fields.size() == 1 && fields.getFirst().isEmpty() && problem == null;
        }
    }

    private final PushbackReader in;
    private final char delimiter;
    private long line = 1;

    public ReportImportCsv(Reader in, char delimiter) throws IOException {
        this.in = new PushbackReader(in, 1);
        this.delimiter = delimiter;
        int first = this.in.read();
        if (first != '\uFEFF' && first != -1) {
            this.in.unread(first);
        }
    }

    /** The next record that is not a blank line, or null at the end of the input. */
    public Record next() throws IOException {
        Record r;
        do {
            r = record();
        } while (r != null && r.blank());
        return r;
    }

    private Record record() throws IOException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    fields.add(field.toString());
                    return new Record(start, fields, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int d = in.read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                afterClosingQuote = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = in.read();
                    if (d != '\n' && d != -1) {
                        in.unread(d);
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Record(start, fields, problem);
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else {
                if (problem == null && afterClosingQuote) {
                    problem = "text after the closing quote of field " + (fields.size() + 1);
                } else if (problem == null && c == '"') {
                    problem = "a quote inside field " + (fields.size() + 1)
                            + " that does not start with one: quote the whole field and double the quote";
                }
                field.append((char) c);
                fieldStart = false;
            }
            c = in.read();
        }
    }
}
