package org.fusioncell.screening.lists;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * A file's lines, each decoded as strict UTF-8, so that a file in another encoding is refused with
 * the line and byte where it stops being UTF-8 instead of being read as mojibake names. Streams: an
 * OpenSanctions export is gigabytes. A leading byte-order mark is dropped; CR LF and LF both end a line.
 */
final class Utf8Lines {

    private Utf8Lines() {
    }

    /** Calls {@code action} with each line number (from 1) and line text. */
    static void forEach(Path file, BiConsumer<Long, String> action) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long number = 0;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || (b < 0 && line.size() > 0)) {
                    number++;
                    action.accept(number, decode(file, number, line.toByteArray(), decoder));
                    line.reset();
                }
                if (b < 0) {
                    return;
                }
                if (b != '\n') {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Checks the whole file is UTF-8 without keeping it. */
    static void requireUtf8(Path file) {
        forEach(file, (number, text) -> {
        });
    }

    private static String decode(Path file, long number, byte[] bytes, CharsetDecoder decoder) {
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        int start = number == 1 && length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate(length - start);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new WatchlistFormatException(file, "line " + number + ", byte " + (in.position() + 1),
                    "not UTF-8 text (byte 0x" + Integer.toHexString(bytes[in.position()] & 0xFF).toUpperCase()
                            + "); save the file as UTF-8");
        }
        return out.flip().toString();
    }
}
