package org.fusioncell.cases;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.ExpiredItem;

/**
 * Erasure of closed cases, for the retention purge (docs/cases.md "Erasure"). A case that holds evidence is
 * never erased here: its custody chain is the proof a court relies on, so what becomes of it is the officer's
 * decision with the prosecution, not a date's.
 */
public interface CaseErasure {

    /** What an erasure did. */
    enum Outcome {
        ERASED,
        /** No such case is held, or the reader's organisation does not lead it (audited as access denied). */
        UNKNOWN,
        /** The case is not closed: an open, suspended or referred case is never erased. */
        NOT_CLOSED,
        /** The case holds evidence: left for the officer's decision. */
        HOLDS_EVIDENCE
    }

    /**
     * Erases the closed case and everything the cases module holds for it — participants, items, tasks with their
     * dependencies, comments and evidence links, the timeline, and its response records (sitreps, figures, press
     * lines, roles, the after-action review) — in one transaction, after publishing {@link CaseErased}. Only a
     * reader of the lead organisation may erase it. Audited as erasure with the reason.
     */
    Outcome erase(Reader actor, String caseId, String reason);

    /**
     * Cases closed (by their last change of status) before {@code cutoff} that hold no evidence, by id after
     * {@code afterId}, at most {@code limit}. Ids and lead organisations only; not logged.
     */
    List<ExpiredItem> expired(Instant cutoff, String afterId, int limit);

    /** How many cases closed before {@code cutoff} are kept because they hold evidence: the officer decides. */
    long awaitingDecision(Instant cutoff);

    /** The organisation holding the case (the lead organisation), for placing a legal hold on it; not logged. */
    java.util.Optional<String> holder(String id);
}
