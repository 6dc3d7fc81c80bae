package org.fusioncell.monitoring;

import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Watches, seen only by their owner and, when shared, by the users of the owner's organisation. A
 * watch reveals an interest, so it is never shown to anyone else. Every call is audited; bad input
 * throws {@link org.fusioncell.shared.InvalidInputException} naming the field, and nothing is saved.
 */
public interface Watches {

    String INFORMATION_TYPE = "watch";

    Watch create(Reader owner, WatchDraft draft);

    Page<Watch> list(Reader reader, PageRequest page);

    Optional<Watch> open(Reader reader, String watchId);

    /** Replaces the watch's definition when {@code expectedVersion} is current; empty when unknown or stale. */
    Optional<Watch> update(Reader reader, String watchId, int expectedVersion, WatchDraft draft);

    /** Removes the watch (its alerts stay); false when the reader cannot see it. */
    boolean remove(Reader reader, String watchId);
}
