package org.fusioncell.referrals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Aggregates over an organisation's referrals made from {@code from} to {@code to} (inclusive, UTC days): nothing
 * that names content, accounts or people. Outcomes and appeal outcomes count {@code PENDING} for those not yet
 * reported or decided; the median time to action is over the referrals of the period that have an outcome (null
 * when none has). Maps are ordered: categories as in the policy, platforms by name.
 */
public record TransparencyReport(String organisationId, LocalDate from, LocalDate to, long referrals,
                                 Map<String, Long> byCategory, Map<String, Long> byPlatform,
                                 Map<String, Long> byOutcome, long appeals, Map<String, Long> byAppealOutcome,
                                 long actioned, Duration medianTimeToAction, Instant producedAt) {

    public static final String PENDING = "PENDING";
}
