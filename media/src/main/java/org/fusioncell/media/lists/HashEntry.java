package org.fusioncell.media.lists;

import java.util.Locale;

/**
 * One row of a hash list: the hash (lower-case hex), its algorithm, a free-text label (what the content is, e.g.
 * the producing entity or the list's taxonomy terms) and whether the sharer has withdrawn it.
 */
public record HashEntry(String hash, HashAlgorithm algorithm, String label, boolean deleted) {

    public static final int MAX_LABEL = 1000;

    public HashEntry {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        hash = checkedHash(hash, algorithm);
        label = label == null ? "" : label;
        if (label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label is longer than " + MAX_LABEL + " characters");
        }
    }

    static String checkedHash(String hash, HashAlgorithm algorithm) {
        String h = hash == null ? "" : hash.strip().toLowerCase(Locale.ROOT);
        if (h.length() != algorithm.hexDigits()) {
            throw new IllegalArgumentException("a " + algorithm.listName() + " hash is " + algorithm.hexDigits()
                    + " hex digits, got " + h.length());
        }
        for (int i = 0; i < h.length(); i++) {
            if (Character.digit(h.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " of the hash is not a hex digit");
            }
        }
        return h;
    }
}
