package org.fusioncell.cases;

import java.util.Optional;

/**
 * What a case item refers to. Each keeps its own marking in its own module; the case holds its id only.
 * Evidence and entity links are the next types (docs/cases.md).
 */
public enum ItemType {
    REPORT,
    ENTITY,
    /** A threat assessment, situation report or partner alert; a draft is seen by its authoring organisation only. */
    ASSESSMENT,
    /** A screening hit: visible by the screening module's rule (its run's marking, and its list visible too). */
    SCREENING_HIT;

    public static Optional<ItemType> parse(String text) {
        return CaseKind.Words.parse(ItemType.class, text);
    }
}
