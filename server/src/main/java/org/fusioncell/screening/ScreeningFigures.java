package org.fusioncell.screening;

import java.time.Instant;
import java.util.List;

/**
 * Hit figures for oversight (docs/oversight.md): how many hits were found in a period and where their review
 * stands, by list and by the screened person's nationality. Counts only — no names, no subjects, no entries —
 * so nothing is disclosed and nothing is logged here; the oversight report that shows them is logged.
 * A hit counts in the period in which it was found ({@code [from, to)}), under the state it is in now.
 */
public interface ScreeningFigures {

    /** Hits per list, every list that had a hit in the period, by list name. */
    List<Outcomes> byList(Instant from, Instant to);

    /**
     * Hits per nationality of the screened person (ISO code as screened), by code; a person of two nationalities
     * counts under each, one of none under the empty code.
     */
    List<Outcomes> byNationality(Instant from, Instant to);

    /** The hits of one group by their state now: {@code pending} awaits a first decision, {@code escalated} a second. */
    record Outcomes(String key, String label, long confirmed, long dismissed, long escalated, long pending) {

        public long hits() {
            return confirmed + dismissed + escalated + pending;
        }

        /** Dismissed among those decided (confirmed or dismissed); absent when none was decided. */
        public Double falsePositiveRate() {
            long decided = confirmed + dismissed;
            return decided == 0 ? null : (double) dismissed / decided;
        }
    }
}
