package org.fusioncell.screening;

import java.time.Instant;

/**
 * Depersonalisation of passenger and screening data (docs/screening.md, "Depersonalisation"): the people of
 * batch and manifest runs older than {@code fusioncell.screening.depersonalise-after} have their names, dates
 * of birth and document numbers masked ({@link #MASK}) in every table that holds them; the originals are kept
 * only sealed, for {@link Repersonalisations}. Runs of person entities are the entities module's records and
 * are not touched. Every step is audited by the processing actor {@link #ACTOR}.
 */
public interface Depersonalisation {

    /** What a masked name or document number reads. */
    String MASK = "***";
    String ACTOR = "processing:depersonalisation";

    /** Masks every batch and manifest run created before {@code cutoff} that is not masked yet. */
    Depersonalised depersonaliseBefore(Instant cutoff);

    /**
     * Erases batch and manifest runs created before {@code cutoff} with their people, hits and sealed
     * particulars (for the retention purge). The false-positive memory and redress clearances stay: they hold
     * digests, not particulars. Returns how many runs were erased.
     */
    long eraseRunsBefore(Instant cutoff);

    /** Whether the run's people are masked (callers have checked the reader may see the run). */
    boolean depersonalised(String runId);

    /** Figures of the period {@code [from, to)} for the oversight report. */
    Figures figures(Instant from, Instant to);

    record Depersonalised(int runs, int subjects) {
    }

    /**
     * @param runs     runs masked in the period
     * @param subjects people masked in the period
     * @param requested re-personalisation requests made in the period, and how many of them were approved,
     *                  refused, or are still pending
     */
    record Figures(long runs, long subjects, long requested, long approved, long refused, long pending) {
    }
}
