package org.fusioncell.monitoring.internal;

import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.WatchDraft;
import org.fusioncell.monitoring.Watches;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo analyst's watches (profile {@code dev}, first start): a person of the demo national list by
 * name, a word in three languages, and an area around Nouakchott shared with the cell, so that a report
 * contributed in the demo shows an alert at once.
 */
@Component
class DemoWatches {

    private final Watches watches;
    private final Readers readers;

    DemoWatches(Watches watches, Readers readers) {
        this.watches = watches;
        this.readers = readers;
    }

    @EventListener
    void seed(DemoIdentitySeeded seeded) {
        Reader analyst = readers.forUser(seeded.users().get("analyst"), "demo data");
        watches.create(analyst, new WatchDraft("Mamadou Lamine Ould Brahim",
                Map.of("kind", "name", "name", "Mamadou Lamine Ould Brahim"), "HIGH", true, List.of(), List.of(), 60, true));
        watches.create(analyst, new WatchDraft("Convoi / قافلة / convoy",
                Map.of("kind", "text", "query", "convoi OR قافلة OR convoy"), "MEDIUM", false, List.of(), List.of(), null,
                true));
        watches.create(analyst, new WatchDraft("Nouakchott (30 km)",
                Map.of("kind", "area", "latitude", 18.0735, "longitude", -15.9582, "radiusKm", 30), "LOW", true, List.of(),
                List.of(), null, true));
    }
}
