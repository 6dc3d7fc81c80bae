package org.fusioncell.entities;

import java.time.Instant;
import java.util.List;

/**
 * Other entities with the same identifier key: those the reader may see, and hit/no-hit notices
 * (holder, level, date; no content) for those whose existence only they may learn.
 */
public record Correlations(String identifierKey, List<Entity> visible, List<Notice> notices) {

    public record Notice(String entityId, String holderOrganisationId, int classificationRank, Instant recordedAt) {
    }
}
