package org.fusioncell.screening.manifest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an interchange as StAEDI should see it. Two things real carrier files need before a
 * strict EDIFACT reader accepts them, and nothing more:
 * <ol>
 * <li><b>Bytes to characters.</b> UNB declares a syntax level (UNOA, UNOB, UNOC…) that files do not
 * keep to (the GTAS samples declare UNOA yet carry lower case and accented letters). So the bytes are
 * read as UTF-8 when they are valid UTF-8. Otherwise they are in some single-byte code page, and the
 * page is chosen under which every non-ASCII byte is a letter: Windows-1252 (ISO-8859-1's printable
 * range plus letters such as Š, Œ), then Mac Roman (Test3.txt's {@code 0x87} is "á" there, a control
 * character in ISO-8859-1 and "‡" in Windows-1252). When neither gives letters only, ISO-8859-1, which
 * keeps every byte recoverable.</li>
 * <li><b>Layout.</b> Line breaks and spaces between segments and inside a segment tag
 * ({@code UNG *PAXLST}) are dropped, and a blank repetition separator in UNA (the syntax version 3
 * "not used" mark that version 4 files still send, e.g. {@code UNA:+.? '}) is replaced by a character
 * the text does not contain — StAEDI would otherwise split "Hartford USA" into two repetitions. Data
 * inside segments is left exactly as sent, so segment positions are unchanged.</li>
 * </ol>
 */
final class EdifactText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    private static final String SPARE_SEPARATORS = "*~^|`\\#@";

    /** The decoded text and the encoding it was read with. */
    record Decoded(String text, Charset charset) {
        boolean guessed() {
            return !charset.equals(StandardCharsets.UTF_8);
        }
    }

    private EdifactText() {
    }

    static Decoded decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer body = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(body).toString();
            return new Decoded(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            for (Charset page : new Charset[] {WINDOWS_1252, MAC_ROMAN}) {
                String text = new String(bytes, start, bytes.length - start, page);
                if (nonAsciiAreLetters(text)) {
                    return new Decoded(text, page);
                }
            }
            return new Decoded(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1),
                    StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean nonAsciiAreLetters(String text) {
        return text.chars().allMatch(c -> c < 0x80 || Character.isLetter(c));
    }

    /**
     * The service characters in force: from UNA when the text starts with one (after blanks),
     * otherwise the ISO 9735 defaults.
     */
    record Separators(char component, char element, char release, char repetition, char terminator) {
        static final Separators DEFAULT = new Separators(':', '+', '?', '*', '\'');

        boolean isSeparator(char c) {
            return c == component || c == element || c == terminator;
        }
    }

    /**
     * The text StAEDI reads and how many characters follow its last segment terminator (a short tail
     * after UNZ is passed over by StAEDI without a word, so it is counted here).
     */
    record Normalised(String text, int unterminated) {
    }

    /** The text with blank layout removed between segments and UNA's blank repetition separator replaced. */
    static Normalised normalise(String text) {
        int start = 0;
        while (start < text.length() && isBlank(text.charAt(start))) {
            start++;
        }
        StringBuilder out = new StringBuilder(text.length());
        Separators separators = Separators.DEFAULT;
        int i = start;
        if (text.startsWith("UNA", start) && text.length() >= start + 9) {
            String una = text.substring(start, start + 9);
            separators = new Separators(una.charAt(3), una.charAt(4), una.charAt(6), una.charAt(7), una.charAt(8));
            if (separators.repetition() == ' ') {
                char spare = spareSeparator(text, separators);
                una = una.substring(0, 7) + spare + una.substring(8);
                separators = new Separators(separators.component(), separators.element(), separators.release(),
                        spare, separators.terminator());
            }
            out.append(una);
            i = start + 9;
        }
        boolean inTag = true;
        int segmentsEnd = out.length();
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inTag && isBlank(c) && !separators.isSeparator(c)) {
                continue; // blanks before a segment tag or inside it carry nothing
            }
            out.append(c);
            if (c == separators.release() && separators.release() != ' ' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else if (c == separators.terminator()) {
                inTag = true;
                segmentsEnd = out.length();
            } else if (c == separators.element()) {
                inTag = false;
            }
        }
        return new Normalised(out.toString(), out.length() - segmentsEnd);
    }

    private static char spareSeparator(String text, Separators separators) {
        for (char candidate : SPARE_SEPARATORS.toCharArray()) {
            if (text.indexOf(candidate) < 0 && !separators.isSeparator(candidate)
                    && candidate != separators.release()) {
                return candidate;
            }
        }
        // every candidate occurs in the data: fall back to a control character, which no field carries
        return '\u001D';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f';
    }
}
