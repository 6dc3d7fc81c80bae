package org.fusioncell.names;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How alike two names are, in [0, 1], and why: which parts were paired and how alike each pair is.
 *
 * @param unmatchedA parts of the first name that found no partner
 * @param unmatchedB parts of the second name that found no partner
 */
public record NameScore(double score, List<Pair> pairs, List<String> unmatchedA, List<String> unmatchedB) {

    public static final NameScore NONE = new NameScore(0, List.of(), List.of(), List.of());

    public NameScore {
        pairs = List.copyOf(pairs);
        unmatchedA = List.copyOf(unmatchedA);
        unmatchedB = List.copyOf(unmatchedB);
    }

    /**
     * Two parts paired up: {@code a} and {@code b} as normalised (joined parts are written "abu+bakr"),
     * their similarity and how it was reached.
     */
    public record Pair(String a, String b, double similarity, How how) {
    }

    /** How a pair matched. */
    public enum How { SAME, SOUNDS_ALIKE, SPELLING, JOINED }

    /** A one-line explanation, e.g. {@code muhammad~محمد 0.96 (sounds alike); missing: hassan}. */
    public String explain() {
        String joined = pairs.stream()
                .map(p -> p.a() + "~" + p.b() + " " + String.format(Locale.ROOT, "%.2f", p.similarity())
                        + " (" + p.how().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                .collect(Collectors.joining(", "));
        StringBuilder s = new StringBuilder(joined);
        if (!unmatchedA.isEmpty()) {
            s.append("; only in first: ").append(String.join(" ", unmatchedA));
        }
        if (!unmatchedB.isEmpty()) {
            s.append("; only in second: ").append(String.join(" ", unmatchedB));
        }
        return s.toString();
    }
}
