package org.fusioncell.submissions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.ExpiredItem;

/** Erasure of civil-society submissions, for the retention purge (docs/submissions.md "Retention"). */
public interface SubmissionErasure {

    /**
     * Erases the submission — its text, place, sealed sender identity and the reference to its attachment — in
     * one transaction. A submission is held by the cell it was sent to: only a reader of that cell may erase it;
     * anyone else is refused (audited as access denied) and false. False too when no such submission is held.
     * A report made from it stays (it is the intake module's item, with its own retention date). Audited as
     * erasure with the reason.
     */
    boolean erase(Reader actor, String submissionId, String reason);

    /**
     * Submissions triaged to an end — turned into a report or closed with no action — whose last change lies before
     * {@code cutoff}, by id after {@code afterId}, at most {@code limit}; submissions still new or in review are
     * work outstanding and never expire. Ids and cells only; not logged.
     */
    List<ExpiredItem> expired(Instant cutoff, String afterId, int limit);

    /** The cell holding the submission, for placing a legal hold on it; not logged. */
    Optional<String> holder(String id);
}
