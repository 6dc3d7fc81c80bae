package org.fusioncell.hashbanks;

import java.util.List;

/**
 * Matches in the banks the reader may see, nearest first. {@code queries}: the hashes that were looked up (for a
 * file: its MD5, SHA-256 and PDQ hash); {@code pdqSkipped} says why a file's PDQ hash was not looked up (not an
 * image, or its quality below the threshold), null otherwise; {@code truncated}: more matches than were returned.
 */
public record MatchResult(List<Query> queries, List<Match> matches, boolean truncated, int radius, int minQuality,
                          String pdqSkipped) {

    public record Query(String algorithm, String hash, Integer quality) {
    }

    /** One entry found: its bank, the entry, and the Hamming distance (0 for MD5 and SHA-256). */
    public record Match(String bankId, String bankName, BankEntry entry, int distance) {
    }
}
