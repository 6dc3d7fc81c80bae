package org.fusioncell.cases;

import java.util.List;

/**
 * A new task as a client writes it. Name the assignee by {@code assigneeUserId} or
 * {@code assigneeOrganisationId} (one or none); {@code dueAt} is an ISO-8601 date (its end, UTC) or instant.
 */
public record TaskDraft(String title, String description, String assigneeUserId, String assigneeOrganisationId,
                        String dueAt, String priority, List<String> dependsOn) {
}
