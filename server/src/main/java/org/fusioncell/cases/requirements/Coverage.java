package org.fusioncell.cases.requirements;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.cases.TaskPriority;

/**
 * How well a requirement is covered, as one reader may know it: tasks by status (the tasks the reader sees),
 * answers the reader may see (others are not counted), the last of them, the agencies tasked whose tasks still
 * wait, the tasks overdue, and whether it is a gap (active and no answer in the last {@code gapDays} days).
 */
public record Coverage(String requirementId, String code, String title, TaskPriority priority,
                       RequirementStatus status, Map<CollectionStatus, Integer> tasksByStatus, int answers,
                       Instant lastAnswerAt, List<String> agenciesWaiting, int overdueTasks, boolean gap) {
}
