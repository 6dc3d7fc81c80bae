package org.fusioncell.screening.lists;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Ends the text at a Ctrl-Z (0x1A), the DOS end-of-file mark that OFAC's legacy files carry as their
 * last byte. Anything but white space after it means the file is not what we think, and is an error.
 */
final class CtrlZTerminatedReader extends FilterReader {

    private static final char CTRL_Z = 0x1A;
    private boolean ended;

    CtrlZTerminatedReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        int n = super.read(buffer, offset, length);
        if (n <= 0) {
            return n;
        }
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == CTRL_Z) {
                ended = true;
                requireNothingAfter(buffer, i + 1, offset + n);
                return i - offset == 0 ? -1 : i - offset;
            }
        }
        return n;
    }

    private void requireNothingAfter(char[] buffer, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                throw new IOException("text after the end-of-file byte 0x1A");
            }
        }
        int c;
        while ((c = super.read()) >= 0) {
            if (!Character.isWhitespace(c)) {
                throw new IOException("text after the end-of-file byte 0x1A");
            }
        }
    }
}
