package org.fusioncell.names;

import java.util.List;

/**
 * A listed subject found for a query: the name of it that matched best, the name score, the final
 * score after dates of birth, nationality, gender and documents, and the reasons for each change.
 */
public record Candidate(Subject listed, String matchedName, String queryName, double score, NameScore name,
                        List<Factor> factors) {

    public Candidate {
        factors = List.copyOf(factors);
    }

    /** One thing beside the name that raised or lowered the score. */
    public record Factor(String what, double effect) {
    }

    /** The name explanation and every factor, on one line. */
    public String explain() {
        StringBuilder s = new StringBuilder(name.explain());
        for (Factor f : factors) {
            s.append("; ").append(f.what()).append(String.format(java.util.Locale.ROOT, " %+.2f", f.effect()));
        }
        return s.toString();
    }
}
