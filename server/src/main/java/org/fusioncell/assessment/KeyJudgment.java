package org.fusioncell.assessment;

/**
 * A key judgment, written with a term of the probability yardstick ({@code probability} is the term's
 * key, e.g. {@code realistic-possibility}); {@code level} is its portion marking as in {@link Portion}.
 */
public record KeyJudgment(String text, String probability, String level) {
}
