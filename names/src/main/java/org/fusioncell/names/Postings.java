package org.fusioncell.names;

import java.util.Arrays;

/**
 * The watched name parts one lookup key points to, as codes (slot and part). Appended and filtered by
 * one writer at a time while any number of readers iterate: a reader takes the count, then the array,
 * and the writer publishes the array before the count, so what a reader sees is always a whole list
 * (a concurrent removal may leave it a few stale codes, which only cost a comparison).
 */
final class Postings {

    private volatile int[] codes = new int[2];
    private volatile int size;

    /** Writers only, one at a time. */
    void add(int code) {
        int n = size;
        int[] a = codes;
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            a[n] = code;
            codes = a;
        } else {
            a[n] = code;
        }
        size = n + 1;
    }

    /** Writers only: drops every code of {@code slot}; returns how many are left. */
    int removeSlot(int slot) {
        int n = size;
        int[] a = codes;
        int[] kept = new int[Math.max(2, n)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] >>> 6 != slot) {
                kept[k++] = a[i];
            }
        }
        if (k < n) {
            codes = kept;
            size = k;
        }
        return k;
    }

    int size() {
        return size;
    }

    /** The codes; valid up to the {@link #size} read before this call. */
    int[] codes() {
        return codes;
    }
}
