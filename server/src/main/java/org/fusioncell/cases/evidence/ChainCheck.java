package org.fusioncell.cases.evidence;

/**
 * The outcome of recomputing custody chains: intact, or the first broken link ({@code itemId}, {@code seq}: the
 * event whose stored hash no longer matches, or where an event is missing).
 */
public record ChainCheck(boolean intact, int items, int events, String itemId, Integer seq, String reason) {

    public static ChainCheck intact(int items, int events) {
        return new ChainCheck(true, items, events, null, null, null);
    }

    public static ChainCheck broken(int items, int events, String itemId, Integer seq, String reason) {
        return new ChainCheck(false, items, events, itemId, seq, reason);
    }
}
