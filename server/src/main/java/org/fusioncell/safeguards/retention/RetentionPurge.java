package org.fusioncell.safeguards.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * The purge of what has outlived its retention period (reports past their retention date, entities nothing
 * asserts any more and older than the entity period), through the owning modules' own erasure, as a processing
 * reader of the holding organisation; items under an active legal hold are left and reported.
 */
public interface RetentionPurge {

    /**
     * Runs the purge as of {@code now} unless a run with the same {@code runKey} already happened (another node,
     * the same schedule): then empty. {@code startedBy} is the officer's user id (with their organisation) or a
     * processing actor (organisation null), as the audit log records it.
     */
    Optional<PurgeRun> run(Instant now, String runKey, String startedBy, String startedByOrganisation);

    /** The latest runs, newest first; audited as consultation. */
    List<PurgeRun> recent(Reader officer, int limit);
}
