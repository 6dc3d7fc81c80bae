package org.fusioncell.search.internal;

import org.fusioncell.search.InvalidQueryText;
import org.fusioncell.search.InvalidQueryText.Problem;

/**
 * Checks a query text the way the search parser ({@link SearchText}, Lucene's SimpleQueryParser) reads it,
 * refusing what that parser would silently drop or misread: it ignores an unclosed quote or bracket, an
 * operator with nothing on one side, a {@code -} separated from its word, and a {@code *} that does not
 * end a word. A search can be retyped; a standing query misread that way would watch for something else
 * for months, so it is refused with the position of the culprit. The scan follows the parser's own rules
 * (escapes with {@code \}, brackets counted without regard to quotes, as the parser counts them).
 */
final class QuerySyntax {

    private final char[] data;

    private QuerySyntax(String text) {
        this.data = text.toCharArray();
    }

    /** Throws {@link InvalidQueryText} for the first problem found; positions are 1-based in {@code text}. */
    static void check(String text) {
        new QuerySyntax(text).group(0, text.length());
    }

    /** One level of the query (the whole text or the inside of brackets); true when it holds an operand. */
    private boolean group(int start, int end) {
        boolean operand = false;
        int pendingOperator = -1;
        int i = start;
        while (i < end) {
            char c = data[i];
            if (c == '(') {
                int close = closingBracket(i, end);
                if (close < 0) {
                    throw refuse(Problem.UNCLOSED_BRACKET, i);
                }
                if (!group(i + 1, close)) {
                    throw refuse(Problem.EMPTY_BRACKETS, i);
                }
                i = close + 1;
            } else if (c == ')') {
                throw refuse(Problem.UNOPENED_BRACKET, i);
            } else if (c == '"') {
                i = phrase(i, end);
            } else if (c == '+' || c == '|') {
                if (!operand || pendingOperator >= 0) {
                    throw refuse(Problem.DANGLING_OPERATOR, i);
                }
                pendingOperator = i;
                i++;
                continue;
            } else if (c == '-') {
                // the parser forgets a "-" that whitespace (or an operator) separates from what follows
                if (i + 1 >= end || isSpace(data[i + 1]) || data[i + 1] == '+' || data[i + 1] == '|'
                        || data[i + 1] == ')') {
                    throw refuse(Problem.DETACHED_NOT, i);
                }
                i++;
                continue;
            } else if (isSpace(c)) {
                i++;
                continue;
            } else {
                i = token(i, end);
            }
            operand = true;
            pendingOperator = -1;
        }
        if (pendingOperator >= 0) {
            throw refuse(Problem.DANGLING_OPERATOR, pendingOperator);
        }
        return operand;
    }

    /** The matching ")" as the parser finds it (nesting counted, escapes skipped, quotes not special). */
    private int closingBracket(int open, int end) {
        int depth = 1;
        for (int i = open + 1; i < end; i++) {
            if (data[i] == '\\') {
                i++;
            } else if (data[i] == '(') {
                depth++;
            } else if (data[i] == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A phrase from its opening quote; returns the index after it (and after a {@code ~N} slop). */
    private int phrase(int open, int end) {
        int i = open + 1;
        while (i < end && data[i] != '"') {
            i += data[i] == '\\' ? 2 : 1;
        }
        if (i >= end) {
            throw refuse(Problem.UNCLOSED_QUOTE, open);
        }
        if (new String(data, open + 1, i - open - 1).isBlank()) {
            throw refuse(Problem.EMPTY_PHRASE, open);
        }
        i++;
        return i < end && data[i] == '~' ? distance(i, end) : i;
    }

    /** A word from its first character; returns the index after it (and after a {@code ~N} distance). */
    private int token(int start, int end) {
        int i = start;
        while (i < end) {
            char c = data[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (finishesToken(c)) {
                break;
            }
            if (c == '~' && i > start) {
                return distance(i, end);
            }
            if (c == '*' && (i == start || i + 1 < end && !finishesToken(data[i + 1]))) {
                throw refuse(Problem.MISPLACED_WILDCARD, i); // the parser would drop it or split the word there
            }
            i++;
        }
        return Math.min(i, end);
    }

    /** {@code ~} then a whole number (a word's edit distance, a phrase's slop); nothing after means 2. */
    private int distance(int tilde, int end) {
        int i = tilde + 1;
        while (i < end && !finishesToken(data[i])) {
            if (data[i] < '0' || data[i] > '9') {
                throw refuse(Problem.BAD_DISTANCE, tilde);
            }
            i++;
        }
        return i;
    }

    private static boolean finishesToken(char c) {
        return c == '"' || c == '|' || c == '+' || c == '(' || c == ')' || isSpace(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static InvalidQueryText refuse(Problem problem, int index) {
        return new InvalidQueryText(problem, index + 1);
    }
}
