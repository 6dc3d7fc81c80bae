package org.fusioncell.assessment;

/**
 * A paragraph with its own portion marking: {@code level} is a classification level of the scheme, at
 * most the product's own (null: the product's level). A sanitised version drops or rewrites portions.
 */
public record Portion(String text, String level) {
}
