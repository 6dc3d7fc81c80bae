package org.fusioncell.referrals;

/**
 * The life of a referral: referred → acknowledged → actioned (an {@link Outcome}) → appealed → appeal decided (an
 * {@link AppealOutcome}). Each step only from the one before it.
 */
public enum ReferralState {
    REFERRED, ACKNOWLEDGED, ACTIONED, APPEALED, APPEAL_DECIDED;

    /** The platform has not yet said what it did. */
    public boolean awaitingPlatform() {
        return this == REFERRED || this == ACKNOWLEDGED;
    }
}
