package org.fusioncell.entities;

import java.util.List;

/**
 * A possible duplicate of an entity. {@code score} is the names engine's score after the other
 * particulars, or null when only a shared identifier suggests it. {@code mergeable} is false when the
 * two are held under different markings, which a merge refuses ({@link Refusal#DIFFERENT_MARKING}).
 */
public record MergeSuggestion(Entity candidate, Double score, boolean mergeable, List<Reason> reasons) {

    public MergeSuggestion {
        reasons = List.copyOf(reasons);
    }

    /** Why it is suggested. {@code detail} is the shared key or the engine's explanation; never shown to others. */
    public record Reason(Kind kind, String detail, double effect) {
    }

    /**
     * SHARED_IDENTIFIER: the same identifier key; NAME: the names compared; the rest raise or lower the name
     * score (same or different date of birth, nationality, document number, gender).
     */
    public enum Kind { SHARED_IDENTIFIER, NAME, BIRTH_DATE, NATIONALITY, DOCUMENT, GENDER, OTHER }
}
