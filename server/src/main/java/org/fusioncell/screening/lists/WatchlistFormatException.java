package org.fusioncell.screening.lists;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A list file that cannot be read as its format says: the message names the file, the place in it
 * (line, element or entry) and what is wrong. Never carries listed names or document numbers, so it
 * may be logged.
 */
public class WatchlistFormatException extends RuntimeException {

    private final transient Path file;
    private final @Nullable String location;

    public WatchlistFormatException(Path file, @Nullable String location, String problem) {
        this(file, location, problem, null);
    }

    public WatchlistFormatException(Path file, @Nullable String location, String problem, @Nullable Throwable cause) {
        super(file + (location == null ? "" : ": " + location) + ": " + problem, cause);
        this.file = file;
        this.location = location;
    }

    public Path file() {
        return file;
    }

    /** Where in the file, e.g. {@code line 12, column name} or {@code INDIVIDUAL DATAID 6908072 (line 40)}. */
    public @Nullable String location() {
        return location;
    }
}
