package org.fusioncell.search;

import java.util.Locale;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.MessageSource;

/**
 * A query text that cannot be a standing query, with what is wrong ({@link Problem}) and where
 * ({@link #position()}: the 1-based character in the text as given; 0 when the problem is the whole
 * text). The API answers it as the shared RFC 9457 problem ({@code field}, English {@code problem});
 * a page shows {@link #message} in the reader's language (bundle {@code i18n/search}, keys
 * {@code search.watch.invalid.*}). The messages never echo the text itself.
 */
public class InvalidQueryText extends InvalidInputException {

    /** What can be wrong, with its message key and English text ({0} is the position). */
    public enum Problem {
        EMPTY("is empty"),
        TOO_LONG("is longer than {1} characters"),
        UNCLOSED_QUOTE("has a quote at character {0} that is never closed"),
        EMPTY_PHRASE("has an empty phrase at character {0}"),
        UNCLOSED_BRACKET("has a bracket at character {0} that is never closed"),
        UNOPENED_BRACKET("has a closing bracket at character {0} that was never opened"),
        EMPTY_BRACKETS("has empty brackets at character {0}"),
        MISPLACED_WILDCARD("has a * at character {0}: * may only end a word (prefix search)"),
        DETACHED_NOT("has a - at character {0} followed by a space: write it directly before what it excludes"),
        DANGLING_OPERATOR("has an operator at character {0} with nothing to join on one side"),
        BAD_DISTANCE("has a ~ at character {0} not followed by a whole number"),
        NOTHING_SEARCHABLE("contains no word that can be searched");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        public String key() {
            return "search.watch.invalid." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String english(int position) {
            return english.replace("{0}", String.valueOf(position)).replace("{1}", String.valueOf(SearchQuery.MAX_TEXT));
        }
    }

    private final Problem problem;
    private final int position;

    public InvalidQueryText(Problem problem, int position) {
        this("query", problem, position);
    }

    private InvalidQueryText(String field, Problem problem, int position) {
        super(field, problem.english(position));
        this.problem = problem;
        this.position = position;
    }

    /** The same refusal naming another field (e.g. {@code conditions[2].text} in a watch). */
    public InvalidQueryText inField(String field) {
        return new InvalidQueryText(field, problem, position);
    }

    public Problem kind() {
        return problem;
    }

    public int position() {
        return position;
    }

    /** Message arguments: the position, then the longest accepted length. */
    public Object[] args() {
        return new Object[] {position, SearchQuery.MAX_TEXT};
    }

    /** The problem in the reader's language, e.g. "The query has a quote at character 12 that is never closed." */
    public String message(MessageSource messages, Locale locale) {
        return messages.getMessage(problem.key(), args(), "The query " + problem(), locale);
    }
}
