package org.fusioncell.safeguards.retention;

import java.time.Instant;
import java.util.List;

/**
 * One run of the retention purge: when, who started it (the schedule's processing actor or the officer), what
 * it erased per information type and which expired items it left in place under a legal hold. {@code finishedAt}
 * is null while it runs (or when it stopped half-way: the next run carries on, nothing is half-erased since each
 * item is one transaction). Screening runs past their period are erased by the screening module in one call and
 * counted here; legal holds do not reach them. Closed cases that hold evidence are counted as awaiting the
 * officer's decision, never erased by the purge.
 */
public record PurgeRun(String id, String startedBy, Instant startedAt, Instant finishedAt, List<Count> counts,
                       int failures, List<Skipped> skipped) {

    /** For one information type: erased, kept under a hold, kept for the officer's decision. */
    public record Count(String itemType, long erased, int held, int awaitingDecision) {
    }

    public record Skipped(String itemType, String itemId, String holdId) {
    }

    public PurgeRun {
        counts = counts == null ? List.of() : List.copyOf(counts);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** The count for the type, zero when the run has none. */
    public Count count(String itemType) {
        return counts.stream().filter(c -> c.itemType().equals(itemType)).findFirst()
                .orElse(new Count(itemType, 0, 0, 0));
    }

    public long erased(String itemType) {
        return count(itemType).erased();
    }

    public int held(String itemType) {
        return count(itemType).held();
    }

    /** Everything the run kept under holds, all types together. */
    public int heldTotal() {
        return counts.stream().mapToInt(Count::held).sum();
    }
}
