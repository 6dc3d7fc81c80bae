package org.fusioncell.cases.requirements;

import java.time.Instant;
import org.fusioncell.access.Marking;

/** A report linked as answering a requirement (and optionally one of its tasks), under the report's own marking. */
public record Answer(String id, String requirementId, String taskId, String reportId, String reportTitle,
                     Marking reportMarking, String note, String linkedByUserId, String linkedOrganisationId,
                     Instant linkedAt) {
}
