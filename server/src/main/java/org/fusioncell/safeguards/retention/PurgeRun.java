package org.fusioncell.safeguards.retention;

import java.time.Instant;
import java.util.List;

/**
 * One run of the retention purge: when, who started it (the schedule's processing actor or the officer), what
 * it erased and which expired items it left in place under a legal hold. {@code finishedAt} is null while it runs
 * (or when it stopped half-way: the next run carries on, nothing is half-erased since each item is one
 * transaction). Screening runs past their period are erased by the screening module in one call and counted
 * here; legal holds do not reach them (a hold is placed on a report or an entity).
 */
public record PurgeRun(String id, String startedBy, Instant startedAt, Instant finishedAt, int reportsErased,
                       int entitiesErased, int screeningRunsErased, int reportsHeld, int entitiesHeld, int failures, List<Skipped> skipped) {

    public record Skipped(String itemType, String itemId, String holdId) {
    }

    public PurgeRun {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
