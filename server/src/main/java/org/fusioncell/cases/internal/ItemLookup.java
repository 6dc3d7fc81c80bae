package org.fusioncell.cases.internal;

import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.ItemRef;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.Reports;
import org.springframework.stereotype.Component;

/**
 * Whether a reader may see an item of another module, decided by that module's information type and the
 * item's own marking as stored now — the same rule the module's lists apply. Nothing is shown by this
 * lookup; the case's own reads are audited with the item ids they show.
 */
@Component
class ItemLookup {

    /** An item as stored: its label (title or entity label), its marking and holder. */
    record Found(String label, Marking marking) {
    }

    private final Reports reports;
    private final Entities entities;

    ItemLookup(Reports reports, Entities entities) {
        this.reports = reports;
        this.entities = entities;
    }

    Optional<Found> stored(ItemRef ref) {
        return switch (ref.itemType()) {
            case REPORT -> reports.forProcessing(ref.itemId()).map((Report r) -> new Found(r.title(), r.marking()));
            case ENTITY -> entities.forProcessing(ref.itemId()).map((Entity e) -> new Found(e.label(), e.marking()));
        };
    }

    /** The item if the reader may see it (VISIBLE under its own marking); empty for hidden and absent alike. */
    Optional<Found> visible(Reader reader, ItemRef ref) {
        return stored(ref).filter(f -> AccessPolicy.decide(reader, informationType(ref), f.marking()).visible());
    }

    boolean sees(Reader reader, ItemRef ref) {
        return visible(reader, ref).isPresent();
    }

    static String informationType(ItemRef ref) {
        return switch (ref.itemType()) {
            case REPORT -> Reports.INFORMATION_TYPE;
            case ENTITY -> Entities.INFORMATION_TYPE;
        };
    }
}
