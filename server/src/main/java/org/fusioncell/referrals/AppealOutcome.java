package org.fusioncell.referrals;

/** The cell supervisor's review of an appeal: the measure stands (upheld) or the content is reinstated. */
public enum AppealOutcome {
    UPHELD, REINSTATED
}
