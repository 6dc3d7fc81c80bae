package org.fusioncell.entities;

import java.time.Instant;
import java.time.LocalDate;
import org.fusioncell.access.Marking;

/** A typed link asserted by a report ({@code reportId}, the provenance), with its confidence and valid time. */
public record EntityLink(String id, String fromEntityId, String fromLabel, String toEntityId, String toLabel,
                         LinkType type, String reportId, double confidence, LocalDate validFrom, LocalDate validTo,
                         Marking marking, Instant createdAt) {
}
