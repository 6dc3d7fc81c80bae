package org.fusioncell.cases;

import java.time.Instant;

/**
 * One event of a case, as the reader may see it: an entry about an item the reader may not see is not
 * shown at all. {@code kind}: case-opened, case-edited, status-changed, participant-added,
 * participant-removed, item-added, item-removed, task-created, task-assigned, task-started, task-commented,
 * task-completed, task-cancelled, task-reopened, task-dependencies, task-overdue — and whatever other
 * modules append through {@link CaseTimeline}. {@code fromValue}/{@code toValue}: a status change, an
 * assignment; {@code text}: the reason or note given.
 */
public record TimelineEntry(long sequence, String kind, String actorUserId, String actorOrganisationId, Instant at,
                            ItemRef item, String taskId, String fromValue, String toValue, String text) {
}
