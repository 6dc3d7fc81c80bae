package org.fusioncell.hashbanks;

/**
 * A match query for one hash. {@code radius} (PDQ only, bits, default 31) and {@code minQuality} (PDQ only, default
 * 50) are bounded; {@code quality} is the queried hash's own PDQ quality when the caller knows it.
 */
public record MatchRequest(String algorithm, String hash, Integer radius, Integer minQuality, Integer quality) {
}
