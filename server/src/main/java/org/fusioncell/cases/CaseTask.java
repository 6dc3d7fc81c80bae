package org.fusioncell.cases;

import java.time.Instant;
import java.util.List;

/**
 * A task of a case. The assignee is a user of a participating organisation ({@code assigneeUserId}, with
 * their organisation) or a whole participating organisation ({@code assigneeUserId} null).
 * {@code evidence} holds only the items the reader may see.
 */
public record CaseTask(String id, String caseId, String title, String description, String assigneeUserId,
                       String assigneeOrganisationId, Instant dueAt, TaskPriority priority, TaskStatus status,
                       List<String> dependsOn, boolean overdue, String completionText, List<ItemRef> evidence,
                       String completedByUserId, Instant completedAt, List<Comment> comments,
                       String createdByUserId, String createdByOrganisationId, Instant createdAt) {

    public record Comment(String id, String authorUserId, String authorOrganisationId, String text,
                          Instant createdAt) {
    }
}
