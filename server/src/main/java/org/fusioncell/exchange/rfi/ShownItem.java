package org.fusioncell.exchange.rfi;

/**
 * A linked entity or an attached item as one reader may be shown it, decided by the access policy for
 * that reader at the time of reading: {@code VISIBLE} with its label (null for a report that asks for a
 * justification before it opens), or {@code EXISTENCE_ONLY}: the hit/no-hit notice — holder organisation
 * and level, nothing of the content. Items the reader may not learn of are not shown at all.
 */
public record ShownItem(Attachment.ItemType itemType, String itemId, Disclosure disclosure, String label,
                        String holderOrganisationId, int classificationRank) {

    public enum Disclosure {
        VISIBLE,
        JUSTIFICATION_NEEDED,
        EXISTENCE_ONLY
    }
}
