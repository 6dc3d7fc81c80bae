package org.fusioncell.screening;

import java.util.Collection;
import java.util.List;
import org.fusioncell.access.Reader;

/**
 * A person's hit history across runs and organisations, for redress (safeguards.redress), and clearing a
 * person wrongly flagged. Hits are read whatever the run's marking — redress concerns the person, whoever
 * screened them — but only on lists the officer may see. Reads and clearances are audited.
 */
public interface PersonHits {

    /**
     * Hits of batch and manifest runs whose screened person is alike {@code person}: same particulars, a shared
     * document number, or names the engine scores at 0.85 or more with no conflicting date of birth. Best first.
     */
    List<PersonHit> about(Reader officer, ScreeningQuery person);

    /** The given hits (those the officer may see), in the order given. */
    List<PersonHit> hits(Reader officer, Collection<String> hitIds);

    /**
     * Remembers, for every organisation, that the people of these hits are not the entries they were found
     * against: screening the same person again records no alert for those entries. Returns how many
     * (list entry, person) pairs were newly cleared.
     */
    int clear(Reader officer, String redressId, Collection<String> hitIds);
}
