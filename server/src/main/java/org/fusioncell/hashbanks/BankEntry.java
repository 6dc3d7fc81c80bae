package org.fusioncell.hashbanks;

import java.time.Instant;
import org.fusioncell.media.lists.HashAlgorithm;

/**
 * One hash of a bank. {@code hash} is lower-case hex; {@code quality} is PDQ's (0..100) when known, null otherwise;
 * a deleted entry is a tombstone that exports still carry with {@code deleted = true}.
 */
public record BankEntry(String id, String bankId, HashAlgorithm algorithm, String hash, String label,
                        Integer quality, String sourceNote, String addedBy, Instant addedAt, boolean deleted,
                        String changedBy, Instant changedAt) {
}
