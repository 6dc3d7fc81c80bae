package org.fusioncell.cases.response;

import java.time.Instant;
import java.util.List;
import org.fusioncell.cases.CaseFile;

/**
 * The response board of a case as one reader sees it: the case, the template and incident, who fills each
 * command role, each agency's checklist progress, the situation-report schedule, the latest figure of each
 * category, the press lines and the after-action review once written.
 */
public record ResponseBoard(CaseFile file, ResponseTemplate template, Incident incident, List<RoleHolder> roles,
                            List<AgencyProgress> agencies, Schedule schedule, List<Sitrep.Figure> latestFigures,
                            List<Sitrep> sitreps, List<PressLine> pressLines, AfterActionReview review) {

    /** {@code incidentId}: the monitoring module's incident record, when one was linked. */
    public record Incident(String place, Instant occurredAt, String attackType, String incidentId) {
    }

    /** {@code userId} null: nobody fills the role yet. */
    public record RoleHolder(String roleCode, String userId, String organisationId, Instant assignedAt) {
    }

    public record AgencyProgress(String organisationId, String sector, int tasks, int done, int overdue) {
    }

    /** The next situation report: its number, when it is due, and whether it is overdue now. */
    public record Schedule(int everyMinutes, int nextNumber, Instant nextDueAt, boolean overdue) {
    }
}
