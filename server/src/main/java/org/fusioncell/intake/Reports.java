package org.fusioncell.intake;

import java.util.function.Consumer;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Reports, read through the reader's access predicate only. Every call is audited: contributions as
 * collection, lists and opened reports as consultation (ids only), searches and counts as search,
 * exports as export.
 */
public interface Reports {

    String INFORMATION_TYPE = "report";

    Report contribute(Reader author, ReportDraft draft);

    /** {@code text} (optional) matches title or body, case-insensitively. */
    Page<ReportSummary> list(Reader reader, String text, PageRequest page);

    long count(Reader reader, String text);

    ReportAccess open(Reader reader, String reportId, String justification);

    /** Streams every report the reader may see, newest first; returns how many were written. */
    long export(Reader reader, Consumer<Report> sink);
}
