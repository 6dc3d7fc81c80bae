package org.fusioncell.names;

import java.text.Normalizer;

/**
 * Arabic-script normalisation for names: presentation forms folded (NFKC), diacritics (harakat,
 * shadda, sukun, tanwin, superscript alef) and tatweel removed. Hamza carriers and the ta marbuta
 * are kept: they tell {@link Sounds} how the name is pronounced (إ is "i", final ة is "-a/-ah/-at").
 */
public final class ArabicText {

    private ArabicText() {
    }

    public static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640'
                    || (c >= '\u06D6' && c <= '\u06ED') || c == '\u200C' || c == '\u200D' || c == '\u200F') {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Folds the letters written differently for the same name (alef forms, ya forms, ta marbuta). */
    public static String fold(String normalised) {
        StringBuilder out = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            out.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ى', 'ی', 'ئ' -> 'ي';
                case 'ة' -> 'ه';
                case 'ؤ' -> 'و';
                case 'ک' -> 'ك';
                default -> c;
            });
        }
        return out.toString();
    }
}
