package org.fusioncell.names;

/** The writing systems the engine tells apart. */
public enum Script {
    LATIN, ARABIC, CYRILLIC, GREEK, HAN, OTHER, NONE;

    /** The script of one character, NONE for digits, spaces and punctuation. */
    public static Script of(int codePoint) {
        if (!Character.isLetter(codePoint)) {
            return NONE;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
        return switch (s) {
            case LATIN -> LATIN;
            case ARABIC -> ARABIC;
            case CYRILLIC -> CYRILLIC;
            case GREEK -> GREEK;
            case HAN, HIRAGANA, KATAKANA, HANGUL -> HAN;
            default -> OTHER;
        };
    }

    /** The script most letters of the text are written in; NONE when it has no letters. */
    public static Script dominant(CharSequence text) {
        int[] counts = new int[values().length];
        text.codePoints().forEach(cp -> counts[of(cp).ordinal()]++);
        Script best = NONE;
        int bestCount = 0;
        for (Script s : values()) {
            if (s != NONE && counts[s.ordinal()] > bestCount) {
                best = s;
                bestCount = counts[s.ordinal()];
            }
        }
        return best;
    }
}
