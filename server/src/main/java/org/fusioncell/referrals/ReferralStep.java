package org.fusioncell.referrals;

/** The outcome of a change; refusals are values. */
public sealed interface ReferralStep<T> {

    record Done<T>(T value) implements ReferralStep<T> {
    }

    /** No such content or referral, or one the actor may not see: told apart by nobody. */
    record Unknown<T>() implements ReferralStep<T> {
    }

    /**
     * The actor sees it but may not take this step ({@code code}: not-analyst, not-supervisor, not-platform,
     * not-in-scope, wrong-state, not-a-measure), with a reason in English for API clients.
     */
    record Refused<T>(String code, String detail) implements ReferralStep<T> {
    }
}
