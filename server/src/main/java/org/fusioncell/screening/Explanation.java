package org.fusioncell.screening;

import java.util.List;

/**
 * Why a listed entry is a candidate: how the parts of the two names were paired and how alike each
 * pair is, the parts left without a partner, and what else (date of birth, nationality, documents,
 * gender) raised or lowered the score.
 *
 * @param nameScore the score of the names alone; the candidate's score adds the factors' effects
 * @param summary   the whole explanation on one line
 */
public record Explanation(double nameScore, List<PartMatch> parts, List<String> onlyInQuery,
                          List<String> onlyInListed, List<Factor> factors, String summary) {

    public Explanation {
        parts = List.copyOf(parts);
        onlyInQuery = List.copyOf(onlyInQuery);
        onlyInListed = List.copyOf(onlyInListed);
        factors = List.copyOf(factors);
    }

    /** Two name parts paired: as normalised, their similarity, and how (SAME, SOUNDS_ALIKE, SPELLING, JOINED). */
    public record PartMatch(String query, String listed, double similarity, String how) {
    }

    public record Factor(String what, double effect) {
    }
}
