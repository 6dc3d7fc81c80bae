package org.fusioncell.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A standing query and who is told when it matches. A watch belongs to its owner; when
 * {@code shared} it belongs to the owner's organisation too (its users see and edit it). Recipients
 * are users and organisations (every active user of it); with none, the owner is the recipient.
 * Unacknowledged alerts escalate to the supervisors of the owner's organisation after
 * {@code escalateAfter} (none: never).
 */
public record Watch(String id, String name, WatchCriterion criterion, Severity severity, String ownerUserId,
                    String ownerOrganisationId, boolean shared, List<String> recipientUserIds,
                    List<String> recipientOrganisationIds, Duration escalateAfter, boolean active, int version,
                    Instant createdAt, Instant updatedAt) {

    public Watch {
        recipientUserIds = List.copyOf(recipientUserIds);
        recipientOrganisationIds = List.copyOf(recipientOrganisationIds);
    }
}
