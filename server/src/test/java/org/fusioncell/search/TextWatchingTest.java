package org.fusioncell.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fusioncell.search.internal.LuceneTextWatching;
import org.junit.jupiter.api.Test;

/**
 * Standing queries match a new document as search would find it: Arabic inflections on the real UN
 * pages, French elision and stemming, English stemming, phrases, exclusions, alternatives and prefixes.
 * No Spring: the watches are built directly over the search module's analysis.
 */
class TextWatchingTest {

    private final TextWatching watching = new LuceneTextWatching();

    /** Indexes of the texts the query matches, each text as a body in the given language (null: unknown). */
    private Set<Integer> matches(String query, List<String> texts, String language) {
        TextWatchSet set = watching.newSet();
        set.put("w", query);
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Set<String> ids = language == null ? set.matching("", texts.get(i)) : set.matching("", texts.get(i), language);
            if (ids.contains("w")) {
                out.add(i);
            }
        }
        return out;
    }

    private static Set<Integer> containing(List<String> texts, String regex) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < texts.size(); i++) {
            if (java.util.regex.Pattern.compile(regex).matcher(texts.get(i)).find()) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void arabicInflectionsOfTerroristMatchTheSameParagraphsOfTheUnPages() {
        List<String> paragraphs = ContextTexts.arabicParagraphs();
        // every word of the family in these pages: (ال|لل)?[إا]رهاب(ي|ية|يين|يون)? — checked on the raw text
        Set<Integer> family = containing(paragraphs, "[إا]رهاب");
        assertThat(family).hasSizeGreaterThan(10);
        Set<Integer> plural = matches("الإرهابيين", paragraphs, "ar");
        assertThat(plural).as("the plural finds every paragraph of the family").isEqualTo(family);
        assertThat(matches("إرهابي", paragraphs, "ar")).as("singular without article").isEqualTo(family);
        assertThat(matches("الارهابية", paragraphs, "ar")).as("feminine, bare alef").isEqualTo(family);
        assertThat(matches("للإرهاب", paragraphs, "ar")).as("with the preposition لل").isEqualTo(family);
        assertThat(matches("الإرهابيين", paragraphs, null)).as("language unknown: stemmed as Arabic too")
                .isEqualTo(family);
        assertThat(matches("الإرهابيين", paragraphs, "und"))
                .as("language-neutral fields only: the exact (normalised) form, as search on an und document")
                .isEqualTo(containing(paragraphs, "ال[إا]رهابيين")).isNotEqualTo(family);
    }

    @Test
    void arabicDiacriticsTatweelAndTaMarbutaAreNormalisedAsInSearch() {
        List<String> paragraphs = ContextTexts.arabicParagraphs();
        Set<Integer> plain = matches("مكافحة", paragraphs, "ar");
        assertThat(plain).isNotEmpty();
        assertThat(matches("مكافحه", paragraphs, "ar")).isEqualTo(plain);
        assertThat(matches("مُكافَحة", paragraphs, "ar")).isEqualTo(plain);
        assertThat(matches("مكـــافحة", paragraphs, "ar")).isEqualTo(plain);
    }

    @Test
    void arabicPhraseAndExclusionOnTheUnPages() {
        List<String> paragraphs = ContextTexts.arabicParagraphs();
        Set<Integer> phrase = matches("\"التطرف العنيف\"", paragraphs, "ar");
        assertThat(phrase).isNotEmpty().isSubsetOf(containing(paragraphs, "التطرف العنيف|والتطرف العنيف"));
        assertThat(matches("\"العنيف التطرف\"", paragraphs, "ar")).as("word order matters in a phrase").isEmpty();
        Set<Integer> terror = matches("الإرهاب", paragraphs, "ar");
        Set<Integer> terrorNotExtremism = matches("الإرهاب -التطرف", paragraphs, "ar");
        Set<Integer> expected = new TreeSet<>(terror);
        expected.removeAll(matches("التطرف", paragraphs, "ar"));
        assertThat(terrorNotExtremism).isEqualTo(expected).isNotEmpty().isNotEqualTo(terror);
        assertThat(matches("الإرهاب*", paragraphs, "und")).as("prefix: normalised, not stemmed")
                .isEqualTo(containing(paragraphs, "ال[إا]رهاب"));
    }

    @Test
    void frenchElisionAndLightStemming() {
        List<String> fr = ContextTexts.FRENCH;
        assertThat(matches("attentat", fr, "fr")).containsExactly(0, 2, 3, 7);
        assertThat(matches("l'attentat", fr, "fr")).as("elision on the query").containsExactly(0, 2, 3, 7);
        assertThat(matches("attentat", fr, "und")).as("elision also in the neutral fields").containsExactly(0, 2, 7);
        assertThat(matches("Attentats", fr, "und")).as("no stemming without a language").containsExactly(3);
        assertThat(matches("ETATS", fr, "fr")).as("folding of case and accents").containsExactly(3);
        assertThat(matches("d'entrepôts", fr, "fr")).containsExactly(2, 9);
        assertThat(matches("explosion | explosifs", fr, "fr")).containsExactly(1, 2);
        assertThat(matches("attentat -exercice", fr, "fr")).containsExactly(0, 2, 3);
        assertThat(matches("(attentat | explosion) (gare | marché)", fr, "fr")).containsExactly(0, 1);
    }

    @Test
    void englishStemmingPossessivePhraseAndPrefix() {
        List<String> en = ContextTexts.ENGLISH;
        assertThat(matches("attacks", en, "en")).containsExactly(0, 5, 7);
        assertThat(matches("attacks", en, "und")).as("neutral fields: exact words only").isEmpty();
        assertThat(matches("terrorist", en, "en")).containsExactly(0, 4);
        assertThat(matches("group", en, "en")).as("possessive removed").containsExactly(0);
        assertThat(matches("\"fusion cell\"", en, "en")).containsExactly(3, 6);
        assertThat(matches("\"fusion cell\" -specialists", en, "en")).containsExactly(3);
        assertThat(matches("\"cell fusion\"~2", en, "en")).as("slop lets the words swap").containsExactly(3, 6);
        assertThat(matches("Terror*", en, "und")).as("prefix folded like the index").containsExactly(0, 4);
        assertThat(matches("warehuose~2", en, "en")).as("fuzzy word").containsExactly(2);
        assertThat(matches("-attack", en, "en")).as("pure exclusion: every other document")
                .containsExactly(1, 2, 3, 4, 6);
    }

    @Test
    void theReadmeSummariesMatchEnglishWatches() {
        List<String> summaries = ContextTexts.englishSummaries();
        assertThat(summaries).hasSizeGreaterThan(10);
        assertThat(matches("terrorist exploit", summaries, "en")).isNotEmpty()
                .isEqualTo(containing(summaries, "(?i)terrorist.*exploit|exploit.*terrorist"));
    }

    @Test
    void titleAndBodyAreBothSearched() {
        TextWatchSet set = watching.newSet();
        set.put("both", "convoy ambush");
        set.put("title", "ambush");
        assertThat(set.matching("Ambush reported", "The convoy was hit near the border.", "en"))
                .containsExactlyInAnyOrder("both", "title");
        assertThat(set.matching("Report", "The convoy was hit near the border.", "en")).isEmpty();
    }

    @Test
    void putReplacesRemoveForgetsAndSizeCounts() {
        TextWatchSet set = watching.newSet();
        set.put("a", "convoy");
        set.put("b", "harbour");
        set.put("c", "-convoy");
        assertThat(set.size()).isEqualTo(3);
        String doc = "A convoy left the harbour.";
        assertThat(set.matching("", doc, "en")).containsExactlyInAnyOrder("a", "b");
        set.put("a", "airport");
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.matching("", doc, "en")).containsExactly("b");
        set.remove("b");
        set.remove("missing");
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.matching("", doc, "en")).isEmpty();
        assertThat(set.matching("", "Nothing to report.", "en")).containsExactly("c");
    }

    @Test
    void aRefusedQueryLeavesTheEarlierOneInPlace() {
        TextWatchSet set = watching.newSet();
        set.put("a", "convoy");
        try {
            set.put("a", "convoy \"unclosed");
        } catch (InvalidQueryText expected) {
            // refused: nothing changed
        }
        assertThat(set.matching("", "The convoy.", "en")).containsExactly("a");
    }

    @Test
    void manyWatchesOnTheSameWords() {
        TextWatchSet set = watching.newSet();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            set.put("w" + i, i % 2 == 0 ? "harbour customs" : "harbour -customs");
            if (i % 2 == 0) {
                expected.add("w" + i);
            }
        }
        assertThat(set.matching("", ContextTexts.ENGLISH.get(1), "en")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
