package org.fusioncell.media.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records from a reader, each with the line it starts on (a quoted cell may span lines). */
final class CsvRecords {

    record Row(int line, List<String> cells) {
    }

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;
    private boolean finished;
    private int unterminatedQuoteLine;

    CsvRecords(Reader in) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
    }

    /** The line of a quoted cell left open at the end of input, or 0. */
    int unterminatedQuoteLine() {
        return unterminatedQuoteLine;
    }

    Row next() throws IOException {
        if (finished) {
            return null;
        }
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int quoteLine = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                finished = true;
                if (quoted) {
                    unterminatedQuoteLine = quoteLine;
                }
                if (cells.isEmpty() && cell.isEmpty()) {
                    return null;
                }
                cells.add(cell.toString());
                return new Row(start, cells);
            }
            if (quoted) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                line++;
                cells.add(cell.toString());
                return new Row(start, cells);
            } else {
                cell.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
