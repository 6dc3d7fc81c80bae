package org.fusioncell.exchange.hits;

import java.time.Instant;

/**
 * How hit/no-hit queries under one agreement are minimised, set by an administrator of a party:
 * {@code nameKeyAndBirthDate} allows person queries by name keys and date of birth ({@code birthPrecision}
 * {@code DAY} or {@code YEAR}); {@code keyedHash} allows identifier queries by HMAC under the shared key
 * agreed out of band (never shown; {@code hasKey} says whether one is stored).
 */
public record HitRule(String agreementId, boolean nameKeyAndBirthDate, String birthPrecision, boolean keyedHash,
                      boolean hasKey, Instant updatedAt) {
}
