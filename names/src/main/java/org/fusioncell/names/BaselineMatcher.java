package org.fusioncell.names;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The baseline our engine is measured against: ICU {@code Any-Latin; Latin-ASCII} on both names,
 * lower case, then Jaro-Winkler on the whole string — what a straightforward screener does (OFAC's own
 * search tool is plain Jaro-Winkler).
 */
public final class BaselineMatcher {

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    public double score(String a, String b) {
        return JARO_WINKLER.apply(latin(a), latin(b));
    }

    private static String latin(String s) {
        return TO_LATIN.get().transliterate(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
