package org.fusioncell.names;

import java.util.Arrays;

/**
 * Similarities of one query's parts to the listed parts of an index, computed at most once per
 * query: listed parts are numbered when the index is built, so the values sit in a flat array
 * that a new query clears by moving to the next generation instead of refilling it. One per
 * thread; not shared.
 */
final class PartSimilarities {

    /** Query units beyond this are compared without the cache (a name of more than 32 readings). */
    static final int MAX_UNITS = 32;

    private final int[] generation;
    private final float[] values;
    private int current = 1;
    private int units;

    PartSimilarities(int parts) {
        generation = new int[Math.max(1, parts) * 2];
        values = new float[Math.max(1, parts) * 2 * MAX_UNITS];
    }

    /** Starts a new query with this many readings (single parts and joined neighbours). */
    void startQuery(int queryUnits) {
        current++;
        if (current == Integer.MAX_VALUE) {
            Arrays.fill(generation, 0);
            current = 1;
        }
        units = queryUnits;
    }

    boolean usable(int partId) {
        return partId >= 0 && units <= MAX_UNITS;
    }

    /**
     * The stored similarity, NaN when not yet computed.
     *
     * @param rough true for the rough pass (computed with a higher floor), kept apart from exact values
     */
    float get(int partId, int unit, boolean rough) {
        int slot = partId * 2 + (rough ? 1 : 0);
        if (generation[slot] != current) {
            generation[slot] = current;
            Arrays.fill(values, slot * MAX_UNITS, slot * MAX_UNITS + units, Float.NaN);
        }
        return values[slot * MAX_UNITS + unit];
    }

    void put(int partId, int unit, boolean rough, float value) {
        values[(partId * 2 + (rough ? 1 : 0)) * MAX_UNITS + unit] = value;
    }
}
