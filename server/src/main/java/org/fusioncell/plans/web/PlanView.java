package org.fusioncell.plans.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.plans.PlanStatus;
import org.fusioncell.plans.PlanSummary;
import org.fusioncell.plans.PlanTree;

/** Plans as JSON: the marking as a banner and level names, never as ranks. */
record PlanView(String id, String title, String scope, String country, String region, String versionLabel,
                PlanStatus status, String language, LocalDate periodStart, LocalDate periodEnd,
                String ownerOrganisationId, String lastChangedBy, MarkingView marking, int version,
                Instant createdAt, Instant updatedAt, Double progress, List<PlanTree.Funding> funding,
                List<PlanTree.Area> areas) {

    record Summary(String id, String title, String scope, String country, String region, String versionLabel,
                   PlanStatus status, LocalDate periodStart, LocalDate periodEnd, String ownerOrganisationId,
                   String classification, String banner, Instant updatedAt) {
    }

    static PlanView of(PlanTree t, ClassificationScheme scheme) {
        PlanTree.Header h = t.plan();
        return new PlanView(h.id(), h.title(), h.scope(), h.country(), h.region(), h.versionLabel(), h.status(),
                h.language(), h.periodStart(), h.periodEnd(), h.ownerOrganisationId(), h.lastChangedBy(),
                MarkingView.of(h.marking(), scheme), h.version(), h.createdAt(), h.updatedAt(), t.progress(),
                t.funding(), t.areas());
    }

    static Summary summary(PlanSummary s, ClassificationScheme scheme) {
        MarkingView m = MarkingView.of(s.marking(), scheme);
        return new Summary(s.id(), s.title(), s.scope(), s.country(), s.region(), s.versionLabel(), s.status(),
                s.periodStart(), s.periodEnd(), s.ownerOrganisationId(), m.classification(), m.banner(), s.updatedAt());
    }
}
