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
}
