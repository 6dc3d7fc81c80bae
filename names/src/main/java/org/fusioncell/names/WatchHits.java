package org.fusioncell.names;

import java.util.Arrays;

/**
 * Which parts of which watched names the words of one text share a lookup key with, and at which
 * word: per watched name (its slot in the spotter) a bit mask of its parts met anywhere in the text,
 * and a list of (word, parts met there). Reused from text to text by one thread: only the slots
 * touched are cleared. Not shared.
 */
final class WatchHits {

    private long[] mask = new long[0];
    private int[] head = new int[0];
    private int[] touched = new int[256];
    private int touchedCount;

    private int[] hitWord = new int[1024];
    private long[] hitParts = new long[1024];
    private int[] hitNext = new int[1024];
    private int hitCount;

    /** Clears what the last text left and makes room for {@code slots} watched names. */
    void start(int slots) {
        for (int i = 0; i < touchedCount; i++) {
            int s = touched[i];
            if (s < mask.length) {
                mask[s] = 0;
                head[s] = -1;
            }
        }
        touchedCount = 0;
        hitCount = 0;
        if (mask.length < slots) {
            int old = mask.length;
            mask = Arrays.copyOf(mask, slots);
            head = Arrays.copyOf(head, slots);
            Arrays.fill(head, old, slots, -1);
        }
    }

    int capacity() {
        return mask.length;
    }

    /** Word {@code word} shares a key with the parts {@code parts} (bits) of watched name {@code slot}. */
    void add(int slot, int word, long parts) {
        int h = head[slot];
        if (h < 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = slot;
        } else if (hitWord[h] == word) {
            hitParts[h] |= parts;
            mask[slot] |= parts;
            return;
        }
        if (hitCount == hitWord.length) {
            int grown = hitCount * 2;
            hitWord = Arrays.copyOf(hitWord, grown);
            hitParts = Arrays.copyOf(hitParts, grown);
            hitNext = Arrays.copyOf(hitNext, grown);
        }
        hitWord[hitCount] = word;
        hitParts[hitCount] = parts;
        hitNext[hitCount] = h;
        head[slot] = hitCount++;
        mask[slot] |= parts;
    }

    int touchedCount() {
        return touchedCount;
    }

    int touched(int i) {
        return touched[i];
    }

    /** The parts of the slot's name met anywhere in the text. */
    long parts(int slot) {
        return mask[slot];
    }

    /**
     * The slot's hits in word order: words into {@code words}, parts into {@code parts}; returns how
     * many (the arrays are grown by the caller to at least the text's word count).
     */
    int hits(int slot, int[] words, long[] parts) {
        int n = 0;
        for (int h = head[slot]; h >= 0; h = hitNext[h]) {
            n++;
        }
        int i = n;
        // the list runs from the last word back to the first
        for (int h = head[slot]; h >= 0; h = hitNext[h]) {
            i--;
            words[i] = hitWord[h];
            parts[i] = hitParts[h];
        }
        return n;
    }
}
