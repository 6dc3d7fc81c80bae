package org.fusioncell.names;

import java.util.Arrays;
import java.util.Set;

/**
 * The words of a free text (Arabic, French, English) with their char offsets, as the name spotter
 * reads them: punctuation, digits, line breaks and the common function words ("and", "et", "قال",
 * "في"…) end a name, so a window never runs across them; hyphens and spaces do not ("Abd al-Rahman").
 * A word may also be read without what is attached to its front: the Arabic proclitics و ف ب ل ك
 * (والقحطاني, للبغدادي) and the French elisions d' l' (d'Abdallah), which the name parser leaves on.
 */
final class TextWords {

    /** Longer runs of letters are not words of a name (encoded data, URLs). */
    static final int MAX_WORD = 40;

    /**
     * Function words that end a name, when written in lower case: capitalised, some are names too
     * (Said, Tô, Son, Il). Folded forms.
     */
    private static final Set<String> LATIN_BREAKS = Set.of(
            "and", "or", "with", "by", "from", "to", "for", "said", "says", "told", "is", "was", "were", "are", "be",
            "been", "has", "had", "have", "who", "whom", "whose", "which", "that", "the", "this", "these", "those",
            "in", "on", "of", "also", "but", "not", "after", "before", "against", "his", "her", "their", "its", "he",
            "she", "they", "it", "into", "over", "under", "during", "et", "ou", "avec", "par", "pour", "dans", "sur",
            "qui", "que", "dont", "est", "etait", "ont", "les", "aux", "au", "un", "une", "selon", "contre", "chez",
            "son", "sa", "ses", "leur", "leurs", "apres", "avant", "vers", "mais", "ne", "pas", "ce", "cette", "ces",
            "il", "elle", "ils", "elles", "lors", "pendant", "sous", "entre", "dit", "a", "ete");
    private static final Set<String> ARABIC_BREAKS = Set.of("و", "او", "في", "من", "الي", "عن", "مع", "ان", "انه",
            "التي", "الذي", "الذين", "قال", "قالت", "قد", "كان", "كانت", "هو", "هي", "هم", "ثم", "لكن", "بعد", "قبل",
            "ضد", "حيث", "هذا", "هذه", "ذلك", "تلك", "كما", "ايضا", "لدي", "حتي", "منذ", "خلال", "ضمن", "لا", "لم",
            "لن", "ما", "اذا", "كل", "وفق", "وفقا", "بشان", "اليوم", "امس", "يوم");

    private static final String APOSTROPHES = "'`’‘ʿʾʻʼ´";

    final String text;
    /** Per word: start and end offsets, the segment (run without a break) it belongs to. */
    int[] start;
    int[] end;
    int[] segment;
    /** Per word: how many chars of a proclitic or elision may be read off its front (0 for none). */
    int[] prefix;
    int count;

    private TextWords(String text) {
        this.text = text;
        int capacity = Math.max(8, text.length() / 5);
        start = new int[capacity];
        end = new int[capacity];
        segment = new int[capacity];
        prefix = new int[capacity];
    }

    static TextWords of(String text) {
        TextWords w = new TextWords(text);
        w.scan();
        return w;
    }

    String word(int i) {
        return text.substring(start[i], end[i]);
    }

    private void scan() {
        int seg = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!wordChar(c)) {
                if (breaks(c, i)) {
                    seg++;
                }
                i++;
                continue;
            }
            int s = i;
            while (i < n && (wordChar(text.charAt(i)) || APOSTROPHES.indexOf(text.charAt(i)) >= 0
                    && i + 1 < n && Character.isLetter(text.charAt(i + 1)))) {
                i++;
            }
            int e = i;
            // an English possessive is not part of the name: Qahtani's
            if (e - s > 3 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
                    && APOSTROPHES.indexOf(text.charAt(e - 2)) >= 0) {
                e -= 2;
            }
            if (e - s > MAX_WORD) {
                seg++;
                continue;
            }
            if (isBreak(text.substring(s, e))) {
                seg++;
                continue;
            }
            add(s, e, seg);
        }
    }

    private static boolean wordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || c == '\u200C' || c == '\u200D';
    }

    /** Whether the char at i ends a name: anything but spaces, hyphens and the full stop of an initial. */
    private boolean breaks(char c, int i) {
        if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F' || c == '\u200F' || c == '\u200E') {
            return false;
        }
        if (APOSTROPHES.indexOf(c) >= 0) {
            // an ayn written before a word ('Abdallah) or a single quote around a name: not an end
            return false;
        }
        if (c == '-' || c == '\u2010' || c == '\u2011') {
            return !(i > 0 && wordChar(text.charAt(i - 1)) && i + 1 < text.length() && wordChar(text.charAt(i + 1)));
        }
        if (c == '.' && count > 0 && end[count - 1] == i && end[count - 1] - start[count - 1] == 1
                && Character.isUpperCase(text.charAt(i - 1))) {
            return false;
        }
        return true;
    }

    private void add(int s, int e, int seg) {
        if (count == start.length) {
            int grown = count * 2;
            start = Arrays.copyOf(start, grown);
            end = Arrays.copyOf(end, grown);
            segment = Arrays.copyOf(segment, grown);
            prefix = Arrays.copyOf(prefix, grown);
        }
        start[count] = s;
        end[count] = e;
        segment[count] = seg;
        prefix[count] = prefixLength(text, s, e);
        count++;
    }

    /**
     * The chars of an attached conjunction or preposition at the front of the word: و or ف, then
     * optionally ب ل ك (وبالقحطاني, للبغدادي: ل before the article eats its alef), or a French elision
     * (d', l', qu'). 0 when none, or when too little would be left to be a name.
     */
    static int prefixLength(String text, int s, int e) {
        char c = text.charAt(s);
        if (Script.of(c) == Script.LATIN) {
            int p = c == 'q' || c == 'Q' ? 3 : 2;
            if (e - s > p + 2 && APOSTROPHES.indexOf(text.charAt(s + p - 1)) >= 0
                    && "dlDLjJnNsScCmMqQ".indexOf(c) >= 0 && (p == 2 || text.charAt(s + 1) == 'u')) {
                return p;
            }
            return 0;
        }
        int p = 0;
        if (c == 'و' || c == 'ف') {
            p = 1;
        }
        if (s + p < e && "بلك".indexOf(text.charAt(s + p)) >= 0) {
            p++;
        }
        return e - s - p >= 3 ? p : 0;
    }

    /** The word read without its prefix; ل + ال written لل gets its alef back (للقحطاني → القحطاني). */
    String bareWord(int i) {
        int p = prefix[i];
        String rest = text.substring(start[i] + p, end[i]);
        if (p > 0 && text.charAt(start[i] + p - 1) == 'ل' && rest.startsWith("ل")) {
            return "ا" + rest;
        }
        return rest;
    }

    /** A function word, also with an Arabic proclitic on it (وقال, وفي, بأن). */
    static boolean isBreak(String word) {
        Script script = Script.of(word.charAt(0));
        if (script == Script.LATIN) {
            // "said" is the verb, "Said" the name; a single capital is an initial (A. Qahtani), not the verb "a"
            return word.length() <= 7 && Character.isLowerCase(word.charAt(0))
                    && LATIN_BREAKS.contains(LatinText.fold(word));
        }
        if (script != Script.ARABIC || word.length() > 7) {
            return false;
        }
        String folded = ArabicText.fold(ArabicText.normalise(word));
        if (ARABIC_BREAKS.contains(folded)) {
            return true;
        }
        char c = folded.charAt(0);
        if ((c == 'و' || c == 'ف' || c == 'ب' || c == 'ل') && folded.length() > 2) {
            String rest = folded.substring(1);
            return ARABIC_BREAKS.contains(rest) && !rest.equals("و");
        }
        return false;
    }
}
