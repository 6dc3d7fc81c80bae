package org.fusioncell.screening;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a list as read from its source file.
 *
 * @param source      the list's short name, e.g. {@code UN}, {@code OFAC-SDN}, or a national list's name
 * @param format      the file format it was read from
 * @param version     the version the publisher gives (the UN's dateGenerated), or null when it gives none
 * @param generatedAt when the publisher generated it, when known
 */
public record Watchlist(String source, WatchlistFormat format, String version, Instant generatedAt,
                        List<WatchlistEntry> entries) {

    public Watchlist {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
    }
}
