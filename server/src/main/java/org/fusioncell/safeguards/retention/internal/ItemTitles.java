package org.fusioncell.safeguards.retention.internal;

import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.intake.Reports;
import org.springframework.stereotype.Component;

/**
 * Need-to-know on the pages of this package: an item's title (a report's title, an entity's label) is shown only
 * to a reader its marking lets read it; anyone else sees its id and holder, as does everyone for the other types.
 * The caller audits what it shows.
 */
@Component
class ItemTitles {

    private final Reports reports;
    private final Entities entities;

    ItemTitles(Reports reports, Entities entities) {
        this.reports = reports;
        this.entities = entities;
    }

    Optional<String> titleFor(Reader reader, String itemType, String itemId) {
        if (itemType.equals(Reports.INFORMATION_TYPE)) {
            return reports.forProcessing(itemId)
                    .filter(r -> AccessPolicy.decide(reader, itemType, r.marking()).visible())
                    .map(org.fusioncell.intake.Report::title);
        }
        if (!itemType.equals("entity")) {
            // incidents, alerts, cases and requests are named by id and holder only on these pages
            return Optional.empty();
        }
        return entities.forProcessing(itemId)
                .filter(e -> AccessPolicy.decide(reader, itemType, e.marking()).visible())
                .map(org.fusioncell.entities.Entity::label);
    }
}
