package org.fusioncell.screening.lists;

import java.nio.file.Path;
import org.fusioncell.screening.Watchlist;
import org.jspecify.annotations.Nullable;

/** Reads one list format into a {@link Watchlist}, whole or not at all. */
public interface WatchlistReader {

    /**
     * @param file       the list file (or, for OFAC, its folder or its primary file)
     * @param sourceName the list's short name; null for the format's default (UN, OFAC-SDN, the file name…)
     * @throws WatchlistFormatException when the content is not what the format says, naming where
     * @throws java.io.UncheckedIOException when the file cannot be read at all
     */
    Watchlist read(Path file, @Nullable String sourceName);
}
