package org.fusioncell.search.internal;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chains, one per field family. A document's text goes into the language-neutral fields
 * ({@code title_all}, {@code body_all}: no stemming, so any query language finds any document) and into
 * the stemmed field of its own language ({@code text_ar}, {@code text_fr}, {@code text_en}). Queries are
 * analysed with the same chain as the field they target.
 *
 * <ul>
 *   <li>Arabic: normalisation (hamza forms of alef → bare alef, alef maqsura → ya, ta marbuta → ha,
 *   tatweel and diacritics removed) then light stemming (common prefixes such as ال، وال، بال and
 *   suffixes such as ات، ون، ها).</li>
 *   <li>French: elision (l', d', qu'…) before ICU folding (so {@code l'Été} → {@code ete}), then light
 *   stemming.</li>
 *   <li>English: possessive removed, folded, Porter stemming.</li>
 *   <li>Neutral: elision, ICU folding (case, accents, compatibility forms), Arabic normalisation; Arabic
 *   digits become ASCII digits everywhere.</li>
 * </ul>
 */
public final class SearchAnalysis {

    public static final String TITLE_ALL = "title_all";
    public static final String BODY_ALL = "body_all";
    public static final String TEXT_PREFIX = "text_";

    private static final CharArraySet ARTICLES = FrenchAnalyzer.DEFAULT_ARTICLES;

    private SearchAnalysis() {
    }

    /** The field holding stemmed text for a language, or null when the language has none (und). */
    public static String languageField(String language) {
        return switch (language) {
            case "ar", "fr", "en" -> TEXT_PREFIX + language;
            default -> null;
        };
    }

    /** Index and query analyzer: the chain for each text field, keywords for everything else. */
    public static Analyzer analyzer() {
        Analyzer neutral = neutral();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                TITLE_ALL, neutral, BODY_ALL, neutral,
                TEXT_PREFIX + "ar", arabic(), TEXT_PREFIX + "fr", french(), TEXT_PREFIX + "en", english()));
    }

    public static Analyzer neutral() {
        Filters normal = t -> new ArabicNormalizationFilter(new ICUFoldingFilter(new ElisionFilter(t, ARTICLES)));
        return chain(normal, normal);
    }

    public static Analyzer arabic() {
        return chain(t -> new ArabicStemFilter(new ArabicNormalizationFilter(new LowerCaseFilter(t))),
                t -> new ArabicNormalizationFilter(new LowerCaseFilter(t)));
    }

    public static Analyzer french() {
        return chain(t -> new FrenchLightStemFilter(new ICUFoldingFilter(new ElisionFilter(t, ARTICLES))),
                t -> new ICUFoldingFilter(new ElisionFilter(t, ARTICLES)));
    }

    public static Analyzer english() {
        return chain(t -> new PorterStemFilter(new ICUFoldingFilter(new EnglishPossessiveFilter(t))),
                ICUFoldingFilter::new);
    }

    private interface Filters {
        TokenStream apply(TokenStream in);
    }

    /**
     * {@code normal} is the chain without tokenizing or stemming, for the words the parser does not
     * analyse but only normalises (a prefix before {@code *}, a fuzzy word): without it {@code Terror*}
     * or {@code الإرهاب*} would keep capitals or hamza and never meet the folded terms of the index.
     */
    private static Analyzer chain(Filters filters, Filters normal) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters.apply(new DecimalDigitFilter(source)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return normal.apply(new DecimalDigitFilter(in));
            }
        };
    }
}
