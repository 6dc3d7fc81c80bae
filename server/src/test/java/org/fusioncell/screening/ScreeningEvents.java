package org.fusioncell.screening;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Test listeners for the screening module's events: records each confirmed match, and breaks the import
 * of a list whose name starts with {@link #FAILING} after every row is written (as a crash before commit would).
 */
@TestConfiguration
class ScreeningEvents {

    static final String FAILING = "fails-after-writing-";

    final List<ScreeningMatchConfirmed> confirmed = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ScreeningMatchConfirmed event) {
        confirmed.add(event);
    }

    @EventListener
    void on(WatchlistChanged changed) {
        if (changed.listName().startsWith(FAILING)) {
            throw new IllegalStateException("broken on purpose after every row was written");
        }
    }
}
