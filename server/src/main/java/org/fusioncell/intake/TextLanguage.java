package org.fusioncell.intake;

import java.util.Locale;
import java.util.Set;

/**
 * Tells Arabic, French and English apart well enough to choose a search analyser and the reading
 * direction: Arabic by script, French and English by their commonest function words. Public so that other
 * modules that record text (online content for referrals) tag it the same way.
 */
public final class TextLanguage {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "de", "et", "est", "une", "un",
            "dans", "pour", "par", "sur", "au", "aux", "avec", "qui", "que", "pas", "ont", "été", "sont", "ce", "cette");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "was", "for", "on", "with",
            "that", "by", "at", "from", "are", "were", "has", "have", "this", "an", "be", "it", "its");

    private TextLanguage() {
    }

    /** {@code ar}, {@code fr}, {@code en}, or {@code und} when undecided. */
    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return "und";
        }
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                }
            }
            i += Character.charCount(cp);
        }
        if (letters == 0) {
            return "und";
        }
        if (arabic * 2 > letters) {
            return "ar";
        }
        int fr = 0;
        int en = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (FRENCH.contains(word)) {
                fr++;
            }
            if (ENGLISH.contains(word)) {
                en++;
            }
        }
        if (fr == en) {
            return fr == 0 ? "und" : (text.matches("(?s).*[éèêàçù].*") ? "fr" : "en");
        }
        return fr > en ? "fr" : "en";
    }
}
