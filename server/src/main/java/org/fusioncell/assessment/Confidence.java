package org.fusioncell.assessment;

/** Analytic confidence in the judgments, stated with its reasons. */
public enum Confidence {
    LOW,
    MODERATE,
    HIGH
}
