package org.fusioncell.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.fusioncell.search.InvalidQueryText.Problem;
import org.fusioncell.search.internal.LuceneTextWatching;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.ProblemDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;

/**
 * What a standing query may not be, where the culprit is, and how the refusal reads: the shared
 * problem detail for the API (field {@code query}, English) and a message in ar/fr/en for pages.
 */
class TextWatchValidationTest {

    private final TextWatching watching = new LuceneTextWatching();

    private InvalidQueryText refusal(String query) {
        InvalidQueryText e = catchThrowableOfType(InvalidQueryText.class, () -> watching.validate(query));
        assertThat(e).as("refused: " + query).isNotNull();
        return e;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "attack \"fusion cell; UNCLOSED_QUOTE; 8",
            "الإرهاب \"التطرف العنيف; UNCLOSED_QUOTE; 9",
            "a \"  \" b; EMPTY_PHRASE; 3",
            "(attack | bomb; UNCLOSED_BRACKET; 1",
            "(a (b) c; UNCLOSED_BRACKET; 1",
            "attack); UNOPENED_BRACKET; 7",
            "a () b; EMPTY_BRACKETS; 3",
            "*attack; MISPLACED_WILDCARD; 1",
            "att*ck; MISPLACED_WILDCARD; 4",
            "*; MISPLACED_WILDCARD; 1",
            "attack - bomb; DETACHED_NOT; 8",
            "attack -; DETACHED_NOT; 8",
            "attack |; DANGLING_OPERATOR; 8",
            "| attack; DANGLING_OPERATOR; 1",
            "a + | b; DANGLING_OPERATOR; 5",
            "(a |) b; DANGLING_OPERATOR; 4",
            "attack~x; BAD_DISTANCE; 7",
            "`\"a b\"~z`; BAD_DISTANCE; 6",
            "!!! ???; NOTHING_SEARCHABLE; 0",
            "-!!!; NOTHING_SEARCHABLE; 0"})
    void refusedWithWhatAndWhere(String query, Problem problem, int position) {
        InvalidQueryText e = refusal(query);
        assertThat(e.kind()).isEqualTo(problem);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.field()).isEqualTo("query");
        if (position > 0) {
            assertThat(e.problem()).contains("character " + position);
        }
    }

    @Test
    void emptyAndTooLong() {
        assertThat(refusal("").kind()).isEqualTo(Problem.EMPTY);
        assertThat(refusal("  \n ").kind()).isEqualTo(Problem.EMPTY);
        assertThat(refusal(null).kind()).isEqualTo(Problem.EMPTY);
        String max = "word ".repeat(SearchQuery.MAX_TEXT / 5);
        assertThatCode(() -> watching.validate(max)).doesNotThrowAnyException();
        InvalidQueryText tooLong = refusal(max + "more");
        assertThat(tooLong.kind()).isEqualTo(Problem.TOO_LONG);
        assertThat(tooLong.problem()).contains(String.valueOf(SearchQuery.MAX_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"attack", "الإرهاب -التطرف", "\"fusion cell\"", "\"fusion cell\"~2", "attack~1", "attack~",
            "terror*", "(attack | bomb) convoy", "al-Qaida", "l'attentat", "a\\\"b", "-exercise", "--attack",
            "attack | bomb | (convoy -drill)", "  padded  ", "C\\+\\+", "\"a (b) c\""})
    void accepted(String query) {
        assertThatCode(() -> watching.validate(query)).doesNotThrowAnyException();
    }

    @Test
    void putRefusesAsValidateDoes() {
        TextWatchSet set = watching.newSet();
        InvalidQueryText e = catchThrowableOfType(InvalidQueryText.class, () -> set.put("w", "(attack"));
        assertThat(e.kind()).isEqualTo(Problem.UNCLOSED_BRACKET);
        assertThat(set.size()).isZero();
    }

    @Test
    void theApiAnswerIsTheSharedProblemNamingTheFieldAndPosition() {
        InvalidInputException e = refusal("convoy \"night").inField("conditions[1].text");
        ProblemDetail p = ProblemDetails.invalid(e.field(), e.problem());
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getProperties()).containsEntry("field", "conditions[1].text");
        assertThat(p.getDetail()).isEqualTo("conditions[1].text: has a quote at character 8 that is never closed");
        assertThat(p.getDetail()).as("the text itself is never echoed").doesNotContain("night");
    }

    @ParameterizedTest
    @EnumSource(Problem.class)
    void everyProblemReadsInArabicFrenchAndEnglish(Problem problem) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/search/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        InvalidQueryText e = new InvalidQueryText(problem, 12);
        String en = messages.getMessage(problem.key(), e.args(), Locale.ENGLISH);
        String fr = messages.getMessage(problem.key(), e.args(), Locale.FRENCH);
        String ar = messages.getMessage(problem.key(), e.args(), Locale.forLanguageTag("ar"));
        assertThat(new String[] {en, fr, ar}).doesNotHaveDuplicates();
        assertThat(ar).containsPattern("\\p{IsArabic}{3}");
        assertThat(fr).doesNotContain("{").doesNotContainPattern("[^']'[^']*\\{");
        if (problem.english(12).contains("12")) {
            for (String text : new String[] {en, fr, ar}) {
                assertThat(text).containsAnyOf("12", "١٢");
            }
        }
        if (problem == Problem.TOO_LONG) {
            assertThat(fr).containsAnyOf("500", "٥٠٠");
        }
        assertThat(e.message(messages, Locale.FRENCH)).isEqualTo(fr);
    }
}
