package org.fusioncell.names;

/**
 * Turns one name token into a string of sound symbols that Arabic and Latin spellings share, so that
 * محمد, Muhammad, Mohamed and Mehmet come out alike. One symbol per sound:
 * <pre>
 *   consonants  b t s z d j h(ح ه) x(kh خ) r f q k l m n w y g(gh غ, g) c(sh ش, French ch) p v
 *               T(th ث)  D(dh ذ ظ)  3(ayn ع, apostrophes)  '(hamza ء)  H(ta marbuta ة, word-final)
 *   vowels      a e i o u
 * </pre>
 * Arabic writes only long vowels (ا و ي) and no short ones; Latin spellings write every vowel and
 * double letters for the Arabic shadda. The symbols keep both and leave it to {@link SoundDistance}
 * to price the differences, rather than throwing vowels away.
 */
final class Sounds {

    /** A word-final t or d that Latin spellings may write without sounding it. */
    static final char SILENT_T = '7';
    /** A word-final s, x or z that Latin spellings may write without sounding it. */
    static final char SILENT_S = '8';

    private Sounds() {
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** Symbols of an Arabic-script token already normalised by {@link ArabicText#normalise}. */
    static String arabic(String token) {
        StringBuilder out = new StringBuilder(token.length() + 2);
        int n = token.length();
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            boolean last = i == n - 1;
            char s = switch (c) {
                case 'ا', 'أ', 'آ', 'ٱ' -> 'a';
                case 'إ' -> 'i';
                case 'ب' -> 'b';
                case 'ت', 'ط' -> 't';
                case 'ث' -> 'T';
                case 'ج' -> 'j';
                case 'ح', 'ه' -> 'h';
                case 'خ' -> 'x';
                case 'د', 'ض' -> 'd';
                case 'ذ', 'ظ' -> 'D';
                case 'ر' -> 'r';
                case 'ز', 'ژ' -> 'z';
                case 'س', 'ص' -> 's';
                case 'ش', 'چ' -> 'c';
                case 'ع' -> '3';
                case 'غ', 'گ' -> 'g';
                case 'ف' -> 'f';
                case 'ڤ' -> 'v';
                case 'ق' -> 'q';
                case 'ك', 'ک' -> 'k';
                case 'ل' -> 'l';
                case 'م' -> 'm';
                case 'ن' -> 'n';
                case 'و' -> 'w';
                case 'ي', 'ی', 'ئ' -> 'y';
                case 'ى' -> last ? 'a' : 'y';
                case 'ة' -> last ? 'H' : 't';
                case 'ء', 'ؤ' -> '\'';
                case 'پ' -> 'p';
                default -> 0;
            };
            if (s == 0) {
                continue;
            }
            if (s == 'c' && !out.isEmpty() && out.charAt(out.length() - 1) == 't') {
                // تش writes the "ch" of foreign names (Ivanović, Bracci)
                out.setLength(out.length() - 1);
            }
            // a doubled letter is one sound (Latin doubles what Arabic marks with a shadda)
            if (out.isEmpty() || out.charAt(out.length() - 1) != s || s == 'a') {
                out.append(s);
            }
        }
        return out.toString();
    }

    /** Symbols of a Latin token: lower-case ASCII letters and apostrophes (see {@link LatinText}). */
    static String latin(String token) {
        StringBuilder out = new StringBuilder(token.length());
        int n = token.length();
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            char next = i + 1 < n ? token.charAt(i + 1) : 0;
            char after = i + 2 < n ? token.charAt(i + 2) : 0;
            char s;
            int skip = 0;
            switch (c) {
                case 's' -> {
                    if (next == 'c' && after == 'h') {
                        s = 'c';
                        skip = 2;
                    } else if (next == 'h') {
                        s = 'c';
                        skip = 1;
                    } else {
                        s = 's';
                    }
                }
                case 'c' -> {
                    if (next == 'h') {
                        s = 'c';
                        skip = 1;
                    } else if (next == 'k') {
                        s = 'k';
                        skip = 1;
                    } else if (next == 'e' || next == 'i' || next == 'y') {
                        s = 's';
                    } else {
                        s = 'k';
                    }
                }
                case 'k' -> {
                    if (next == 'h') {
                        s = 'x';
                        skip = 1;
                    } else {
                        s = 'k';
                    }
                }
                case 'g' -> {
                    if (next == 'h') {
                        skip = 1;
                    }
                    s = 'g';
                }
                case 't' -> {
                    if (next == 'h') {
                        s = 'T';
                        skip = 1;
                    } else {
                        s = 't';
                    }
                }
                case 'd' -> {
                    if (next == 'h') {
                        s = 'D';
                        skip = 1;
                    } else if (next == 'j') {
                        s = 'j';
                        skip = 1;
                    } else {
                        s = 'd';
                    }
                }
                case 'z' -> {
                    if (next == 'h') {
                        skip = 1;
                    }
                    s = 'z';
                }
                case 'p' -> {
                    if (next == 'h') {
                        s = 'f';
                        skip = 1;
                    } else {
                        s = 'p';
                    }
                }
                case 'o' -> {
                    if (next == 'u' || next == 'o') {
                        // "ou" / "oo" write a long u: the و of the Arabic spelling
                        skip = 1;
                        s = 'w';
                    } else {
                        s = 'o';
                    }
                }
                case 'e' -> {
                    if (next == 'a' && after == 'u') {
                        skip = 2;
                        s = 'o';
                    } else if (next == 'e') {
                        // "ee" writes a long i: the ي of the Arabic spelling
                        skip = 1;
                        s = 'y';
                    } else {
                        s = 'e';
                    }
                }
                case 'y' -> {
                    boolean afterVowel = !out.isEmpty() && isVowel(out.charAt(out.length() - 1));
                    boolean beforeVowel = next != 0 && "aeiou".indexOf(next) >= 0;
                    s = out.isEmpty() || afterVowel || beforeVowel ? 'y' : 'i';
                }
                case 'x' -> {
                    out.append('k');
                    s = 's';
                }
                case 'a', 'i', 'u', 'b', 'f', 'h', 'j', 'l', 'm', 'n', 'q', 'r', 'v', 'w' -> s = c;
                case '\'' -> s = '3';
                default -> s = 0;
            }
            i += skip;
            if (s == 0) {
                continue;
            }
            boolean wordEnd = i == n - 1 || (i == n - 2 && token.charAt(n - 1) == 'e');
            if (wordEnd && !out.isEmpty() && isVowel(out.charAt(out.length() - 1))) {
                // French and English often do not sound a final t, d, s, x or z (Arnaud, Benoît, Dumas)
                if (s == 't' || s == 'd') {
                    s = SILENT_T;
                } else if (s == 's' || s == 'z') {
                    s = SILENT_S;
                }
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != s || s == '3') {
                out.append(s);
            }
        }
        return out.toString();
    }

    /** The consonants as spelled (no merging), without vowels, w, y, ayn and hamza: the finer lookup key. */
    static String consonants(String symbols) {
        StringBuilder out = new StringBuilder(symbols.length());
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'w', 'y', '3', '\'', 'H' -> c = 0;
                case SILENT_T -> c = 't';
                case SILENT_S -> c = 's';
                default -> { }
            }
            if (c != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The consonant skeleton used to find candidates: weak sounds dropped, close sounds merged. */
    static String skeleton(String symbols) {
        StringBuilder out = new StringBuilder(symbols.length());
        for (int i = 0; i < symbols.length(); i++) {
            char c = switch (symbols.charAt(i)) {
                case 'a', 'e', 'i', 'o', 'u', 'w', 'y', 'h', '3', '\'', 'H' -> 0;
                case 'q', 'g', 'x', 'j' -> 'k';
                case 'T', SILENT_T -> 't';
                case SILENT_S -> 's';
                case 'D', 'z' -> 'd';
                case 'c' -> 's';
                case 'p' -> 'b';
                case 'v' -> 'f';
                default -> symbols.charAt(i);
            };
            if (c != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
