package org.fusioncell.cases;

import java.time.Instant;

/** A case as a list shows it (no item counts: items are decided per reader by their own markings). */
public record CaseSummary(String id, String title, CaseKind kind, CaseStatus status, String leadOrganisationId,
                          String language, int classificationRank, int openTasks, Instant createdAt,
                          Instant updatedAt) {
}
