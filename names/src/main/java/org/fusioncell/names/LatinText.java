package org.fusioncell.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Latin-script normalisation: lower case, accents removed, the letters that do not decompose
 * (ß ø æ œ ł đ ı þ) spelled out, č ć ç š ş ž written as the digraphs they sound like, and the many apostrophe-like marks used for the ayn and hamza
 * (' ` ’ ʿ ʾ ʻ) unified to one apostrophe.
 */
public final class LatinText {

    private LatinText() {
    }

    public static String fold(String text) {
        // the Slavic and Turkish letters for "ch" and "sh" keep their sound rather than lose the mark
        String lower = text.toLowerCase(Locale.ROOT).replace("č", "ch").replace("ć", "ch").replace("ç", "ch")
                .replace("š", "sh").replace("ş", "sh").replace("ž", "zh");
        String s = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(c);
                continue;
            }
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'ø' -> out.append('o');
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ł' -> out.append('l');
                case 'đ', 'ð' -> out.append('d');
                case 'ı' -> out.append('i');
                case 'þ' -> out.append("th");
                case '\'', '`', '’', '‘', 'ʿ', 'ʾ', 'ʻ', 'ʼ', '´' -> out.append('\'');
                default -> {
                    if (Character.getType(c) != Character.NON_SPACING_MARK && Character.isLetterOrDigit(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
