package org.fusioncell.safeguards;

import java.time.Instant;
import java.util.List;

/**
 * One section of the oversight report (docs/safeguards.md): figures that one part of the system contributes
 * for a period, computed afresh from the records each time the report runs — nothing is stored, so nothing
 * can be edited. Every bean of this type is a section; the report orders them by {@link #order()}.
 * A section reads through its modules' own APIs with a processing reader and audits nothing itself: the
 * report's run is audited once by the report.
 */
public interface OversightSection {

    /** Stable id; the section's title is the message {@code oversight.section.<id>}. */
    String id();

    /** Position in the report, ascending. */
    int order();

    /** The section's tables for the period {@code [from, to)}. */
    List<OversightTable> tables(Instant from, Instant to);
}
