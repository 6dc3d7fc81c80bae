package org.fusioncell.monitoring;

import java.time.Instant;

/**
 * One recipient's alert. {@code disclosure} says what the recipient was allowed to learn when it was
 * raised: {@code FULL} (the item's title and why it matched) or {@code EXISTENCE_ONLY} (a hit/no-hit
 * notice: the holder organisation and the marking level, nothing of the content). An item the
 * recipient may not even know of raises no alert at all.
 */
public record Alert(String id, String watchId, String watchName, String recipientUserId, String itemType,
                    String itemId, Disclosure disclosure, String headline, String summary,
                    String holderOrganisationId, String level, Severity severity, AlertState state, Instant raisedAt,
                    Instant stateChangedAt, String stateChangedBy, String note, String escalatedFrom, int occurrences) {

    public enum Disclosure { FULL, EXISTENCE_ONLY }
}
