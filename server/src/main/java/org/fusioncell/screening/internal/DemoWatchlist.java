package org.fusioncell.screening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistFormat;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo cell's national list (profile {@code dev}, first start): six fictional entries in the
 * national CSV format, Arabic-script names among them, imported by the demo analyst as a RESTRICTED
 * TLP:AMBER list shared under the national agreement, so the national agencies screen with it and the
 * partner cell does not. The UN and OFAC lists are left for the user to import (docs/screening.md):
 * nothing here reads the shared data folder.
 */
@Component
class DemoWatchlist {

    static final String NAME = "FC-NATIONAL-DEMO";

    private final Watchlists watchlists;
    private final Readers readers;

    DemoWatchlist(Watchlists watchlists, Readers readers) {
        this.watchlists = watchlists;
        this.readers = readers;
    }

    @EventListener
    void seed(DemoIdentitySeeded seeded) {
        Watchlist list = read();
        Marking marking = new Marking(1, Tlp.AMBER, new Releasability(Set.of(), Set.of(),
                Set.of(seeded.agreements().get("national")), Set.of()), false, Set.of(), seeded.organisations().get("cell"));
        watchlists.importVersion(readers.forUser(seeded.users().get("analyst"), "demo data"), NAME, list, marking);
    }

    /** The list readers read files: the resource is copied to a temporary one for the time of reading. */
    static Watchlist read() {
        try (InputStream in = new ClassPathResource("screening/demo-national-list.csv").getInputStream()) {
            Path file = Files.createTempFile("fusioncell-demo-list", ".csv");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return WatchlistFiles.reader(WatchlistFormat.NATIONAL_CSV).read(file, NAME);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the demo list resource cannot be read", e);
        }
    }
}
