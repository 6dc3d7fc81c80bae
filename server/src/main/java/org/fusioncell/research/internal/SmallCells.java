package org.fusioncell.research.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts by the chosen dimensions with small-cell suppression (docs/research.md, "What an aggregate export
 * guarantees"). A cell counting fewer than the threshold (and more than zero) is suppressed (primary); so is a
 * published total (per value of one dimension, and the grand total) below the threshold. Then, until nothing
 * changes: a published total covering exactly one suppressed cell gets a second one — the smallest unsuppressed
 * cell it covers (complementary suppression) — or, when it covers no other cell, is suppressed itself. Hence no
 * suppressed cell equals a published total minus published cells. With {@link LaplaceNoise} the counts are noisy
 * before any of this (post-processing keeps the privacy guarantee); without it, only combinations that occur are
 * listed. Plain Java.
 */
public final class SmallCells {

    /** A cell: its dimension values and its count; a suppressed cell's count is never written out. */
    public record Cell(List<String> key, long count, boolean suppressed) {
    }

    /** A one-dimensional total ({@code dimension} its index) or the grand total ({@code dimension} −1). */
    public record Total(int dimension, String value, long count, boolean suppressed) {
    }

    public record Table(List<Cell> cells, List<Total> totals) {

        public long suppressedCells() {
            return cells.stream().filter(Cell::suppressed).count();
        }
    }

    private SmallCells() {
    }

    /**
     * @param rows one key (the dimension values) per record
     * @param noise null for exact counts; otherwise every combination of the observed values of each dimension
     *              is counted and noised, zero counts included, so that absence is noised too
     */
    public static Table tabulate(List<List<String>> rows, int dimensions, int threshold, LaplaceNoise noise) {
        Map<List<String>, Long> counts = new TreeMap<>(KEY_ORDER);
        for (List<String> r : rows) {
            counts.merge(List.copyOf(r), 1L, Long::sum);
        }
        if (noise != null) {
            Map<List<String>, Long> noisy = new TreeMap<>(KEY_ORDER);
            for (List<String> key : crossProduct(rows, dimensions)) {
                noisy.put(key, noise.noisyCount(counts.getOrDefault(key, 0L)));
            }
            counts = noisy;
        }
        List<Cell> cells = new ArrayList<>();
        counts.forEach((key, n) -> cells.add(new Cell(key, n, n > 0 && n < threshold)));
        return suppress(cells, dimensions, threshold);
    }

    /** The largest cross product of observed values that noised counts are computed over. */
    public static final int MAX_NOISED_CELLS = 200_000;

    static List<List<String>> crossProduct(List<List<String>> rows, int dimensions) {
        List<Set<String>> values = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            Set<String> v = new java.util.TreeSet<>();
            for (List<String> r : rows) {
                v.add(r.get(d));
            }
            values.add(v);
        }
        long size = 1;
        for (Set<String> v : values) {
            size *= Math.max(1, v.size());
            if (size > MAX_NOISED_CELLS) {
                throw new IllegalArgumentException("too many combinations to noise");
            }
        }
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (Set<String> v : values) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String s : v) {
                    List<String> k = new ArrayList<>(prefix);
                    k.add(s);
                    next.add(k);
                }
            }
            out = next;
        }
        return rows.isEmpty() ? List.of() : out.stream().map(List::copyOf).toList();
    }

    private static Table suppress(List<Cell> cells, int dimensions, int threshold) {
        boolean[] hidden = new boolean[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            hidden[i] = cells.get(i).suppressed();
        }
        // the totals: for each (dimension, value) the cells it covers; the grand total covers all
        Map<TotalKey, List<Integer>> covers = new java.util.LinkedHashMap<>();
        for (int d = 0; d < dimensions; d++) {
            Map<String, List<Integer>> byValue = new TreeMap<>();
            for (int i = 0; i < cells.size(); i++) {
                byValue.computeIfAbsent(cells.get(i).key().get(d), v -> new ArrayList<>()).add(i);
            }
            for (var e : byValue.entrySet()) {
                covers.put(new TotalKey(d, e.getKey()), e.getValue());
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            all.add(i);
        }
        covers.put(new TotalKey(-1, ""), all);
        Map<TotalKey, Long> sums = new HashMap<>();
        Set<TotalKey> hiddenTotals = new LinkedHashSet<>();
        covers.forEach((t, idx) -> {
            long sum = idx.stream().mapToLong(i -> cells.get(i).count()).sum();
            sums.put(t, sum);
            if (sum > 0 && sum < threshold) {
                hiddenTotals.add(t);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : covers.entrySet()) {
                if (hiddenTotals.contains(e.getKey())) {
                    continue;
                }
                List<Integer> idx = e.getValue();
                long nHidden = idx.stream().filter(i -> hidden[i]).count();
                if (nHidden != 1) {
                    continue;
                }
                Integer partner = idx.stream().filter(i -> !hidden[i])
                        .min(Comparator.comparingLong((Integer i) -> cells.get(i).count()).thenComparing(i -> i))
                        .orElse(null);
                if (partner == null) {
                    hiddenTotals.add(e.getKey());
                } else {
                    hidden[partner] = true;
                }
                changed = true;
            }
        }
        List<Cell> outCells = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            outCells.add(new Cell(c.key(), c.count(), hidden[i]));
        }
        List<Total> totals = new ArrayList<>();
        covers.keySet().forEach(t -> totals.add(new Total(t.dimension(), t.value(), sums.get(t),
                hiddenTotals.contains(t))));
        return new Table(outCells, totals);
    }

    private record TotalKey(int dimension, String value) {
    }

    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}
