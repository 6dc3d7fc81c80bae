package org.fusioncell.cases.internal;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.cases.ItemRef;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.Reports;
import org.springframework.stereotype.Component;

/**
 * Whether a reader may see an item of another module, decided by that module's rule now. Reports and entities:
 * the item as stored and the access policy over its own marking — the rule their lists apply; nothing is shown
 * by that lookup. Assessments: their module's own rule (a draft is seen by its authoring organisation only,
 * whatever its marking names), through {@link Assessments#versions}, which audits the consultation.
 */
@Component
class ItemLookup {

    /** An item as the reader may see it: its label (title or entity label) and its marking. */
    record Found(String label, Marking marking) {
    }

    private final Reports reports;
    private final Entities entities;
    private final Assessments assessments;

    ItemLookup(Reports reports, Entities entities, Assessments assessments) {
        this.reports = reports;
        this.entities = entities;
        this.assessments = assessments;
    }

    /** The item if the reader may see it; empty for hidden and absent alike. */
    Optional<Found> visible(Reader reader, ItemRef ref) {
        return switch (ref.itemType()) {
            case REPORT -> reports.forProcessing(ref.itemId()).map((Report r) -> new Found(r.title(), r.marking()))
                    .filter(f -> AccessPolicy.decide(reader, Reports.INFORMATION_TYPE, f.marking()).visible());
            case ENTITY -> entities.forProcessing(ref.itemId()).map((Entity e) -> new Found(e.label(), e.marking()))
                    .filter(f -> AccessPolicy.decide(reader, Entities.INFORMATION_TYPE, f.marking()).visible());
            case ASSESSMENT -> assessments.versions(reader, ref.itemId()).filter(v -> !v.isEmpty())
                    .map((List<Assessment> v) -> v.getLast()).map(a -> new Found(a.title(), a.marking()));
        };
    }

    boolean sees(Reader reader, ItemRef ref) {
        return visible(reader, ref).isPresent();
    }
}
