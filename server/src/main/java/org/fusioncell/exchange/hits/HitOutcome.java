package org.fusioncell.exchange.hits;

/**
 * What a partner answered to a hit/no-hit query: it holds something ({@code HIT}), nothing
 * ({@code NO_HIT}), it could not be reached ({@code UNREACHABLE}: network, timeout, server error), or it
 * refused (no agreement in force, no minimisation rule allowing the query's form).
 */
public enum HitOutcome {
    HIT, NO_HIT, UNREACHABLE, REFUSED
}
