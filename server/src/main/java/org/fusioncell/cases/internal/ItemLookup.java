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
import org.fusioncell.screening.HitDetail;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.Hits;
import org.fusioncell.screening.ScreeningAccess;
import org.springframework.stereotype.Component;

/**
 * Whether a reader may see an item of another module, decided by that module's rule now. Reports and entities:
 * the item as stored and the access policy over its own marking — the rule their lists apply; nothing is shown
 * by that lookup. Assessments: their module's own rule (a draft is seen by its authoring organisation only,
 * whatever its marking names), through {@link Assessments#versions}; screening hits: their module's rule (the
 * run's marking, and the list visible too), through {@link Hits#open} — both audit the consultation themselves.
 */
@Component
class ItemLookup {

    /** An item as the reader may see it: its label (title or entity label) and its marking. */
    record Found(String label, Marking marking) {
    }

    private final Reports reports;
    private final Entities entities;
    private final Assessments assessments;
    private final Hits hits;

    ItemLookup(Reports reports, Entities entities, Assessments assessments, Hits hits) {
        this.reports = reports;
        this.entities = entities;
        this.assessments = assessments;
        this.hits = hits;
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
            case SCREENING_HIT -> hits.open(reader, ref.itemId()) instanceof ScreeningAccess.Granted<HitDetail> g
                    ? Optional.of(hit(g.value().hit().facts())) : Optional.empty();
        };
    }

    /** A hit is labelled by the name screened and the listed name it matched, as on the hit's own page. */
    private static Found hit(HitFacts f) {
        return new Found(f.queryName() + " ↔ " + f.matchedName() + " (" + f.listName() + ")", f.marking());
    }

    boolean sees(Reader reader, ItemRef ref) {
        return visible(reader, ref).isPresent();
    }
}
