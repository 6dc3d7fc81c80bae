package org.fusioncell.plans;

import java.time.Instant;
import java.time.LocalDate;
import org.fusioncell.access.Marking;

/** One line of the plans list. */
public record PlanSummary(String id, String title, String scope, String country, String region, String versionLabel,
                          PlanStatus status, LocalDate periodStart, LocalDate periodEnd, String ownerOrganisationId,
                          Marking marking, Instant updatedAt) {
}
