package org.fusioncell.cases;

import java.util.Optional;

/**
 * What a case item refers to. Each keeps its own marking in its own module; the case holds its id only.
 * Evidence, links and screening hits are the next types (docs/cases.md).
 */
public enum ItemType {
    REPORT,
    ENTITY,
    /** A threat assessment, situation report or partner alert; a draft is seen by its authoring organisation only. */
    ASSESSMENT;

    public static Optional<ItemType> parse(String text) {
        return CaseKind.Words.parse(ItemType.class, text);
    }
}
