package org.fusioncell.intake;

import java.util.List;
import java.util.function.Consumer;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Reports, read through the reader's access predicate only. Every call is audited: contributions as
 * collection, revisions as alteration, lists and opened reports as consultation (ids only), searches
 * and counts as search, exports as export.
 */
public interface Reports {

    String INFORMATION_TYPE = "report";

    Report contribute(Reader author, ReportDraft draft);

    /** {@code text} (optional) matches title or body, case-insensitively. */
    default Page<ReportSummary> list(Reader reader, String text, PageRequest page) {
        return list(reader, text, null, page);
    }

    /** {@code tag} (optional) keeps reports carrying that {@code taxonomy:value} tag. */
    Page<ReportSummary> list(Reader reader, String text, String tag, PageRequest page);

    default long count(Reader reader, String text) {
        return count(reader, text, null);
    }

    long count(Reader reader, String text, String tag);

    ReportAccess open(Reader reader, String reportId, String justification);

    /**
     * The report as stored with its marking, for automated processing that must consider every report
     * whatever its marking (watch evaluation, which then decides per recipient). Nobody is shown anything
     * by this call, so it is not logged itself; what the processing discloses or combines is logged where
     * it happens.
     */
    java.util.Optional<Report> forProcessing(String reportId);

    /** Streams every report the reader may see, newest first; returns how many were written. */
    long export(Reader reader, Consumer<Report> sink);

    /**
     * Stores {@code draft} as the next version when {@code expectedVersion} is still the current one.
     * Only users of the originating organisation who may see the report can revise it; for anyone else
     * the report is {@link Revision.Unknown}. Every version is kept; {@code ReportRevised} is published.
     */
    Revision revise(Reader author, String reportId, int expectedVersion, ReportDraft draft, String reason);

    /** Who changed the report, when and why, oldest first. */
    Disclosure<List<ReportVersion>> versions(Reader reader, String reportId, String justification);

    /** The content of one version, released only if both the current and that version's marking allow. */
    Disclosure<Report> version(Reader reader, String reportId, int version, String justification);

    /**
     * The originator's release after an access request: re-marks the report so that {@code recipient}
     * is in its audience (their organisation added to releasability; the user, for TLP:RED), stored as a
     * new version and audited as disclosure. Answers the recipient's decision under the resulting
     * marking: VISIBLE when released (or already visible), EXISTENCE_ONLY when the policy would still
     * withhold it (clearance, caveats: nothing changed), HIDDEN when {@code owner}'s organisation does
     * not hold such a report (nothing changed).
     */
    Decision releaseTo(Reader owner, String reportId, Reader recipient, String accessRequestId);

    /**
     * Erases the report for good: its current row, every version, its tags, its attachment references (an
     * attachment's content goes after commit unless another report still holds the same content) and,
     * through {@link ReportErased} in the same transaction, what other modules hold only for it (mentions,
     * links asserted by it, extraction proposals; after commit, its search document). Only a reader of the
     * report's originating organisation may erase it (the callers are processing readers of that
     * organisation: TAXII revocation, retention); for anyone else nothing changes, the attempt is audited as
     * access denied and the answer is false. False too when no such report is held (so a second erase
     * answers false). Audited as erasure with the reason; the audit log itself is never erased.
     *
     * @throws org.fusioncell.shared.InvalidInputException (field {@code reason}) when the reason is blank
     */
    boolean erase(Reader actor, String reportId, String reason);

    /**
     * The retention period given to a report contributed without a date of its own
     * ({@code fusioncell.intake.retention-default}): the one number the retention register shows for reports.
     */
    java.time.Period defaultRetention();

    /**
     * Reports whose retention date is before {@code today}, by id after {@code afterId} (null: from the start), at
     * most {@code limit}: dates and holders only, for the retention purge, which erases them through {@link #erase}
     * (paging by id so that reports it must leave, under a legal hold, never hide the rest). Not logged itself
     * (nobody is shown anything); each erasure is.
     */
    List<ReportHolding> expired(java.time.LocalDate today, String afterId, int limit);

    /**
     * Every report held, by id after {@code afterId} (null: from the start), at most {@code limit}: dates and
     * holders only, for the review of holdings. Not logged itself, like {@link #expired}.
     */
    List<ReportHolding> holdings(String afterId, int limit);
}
