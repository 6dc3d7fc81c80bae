package org.fusioncell.monitoring.delivery;

/**
 * How a user's alerts reach their mail box. Notices at or above the user's immediate severity are mailed
 * at once in every mode but {@link #OFF}; the others are collected in a digest: daily for
 * {@link #IMMEDIATE} and {@link #DAILY_DIGEST}, hourly for {@link #HOURLY_DIGEST}. The modes differ in
 * what an unset immediate severity means: every notice for {@link #IMMEDIATE}, none for the digests.
 */
public enum EmailMode {
    OFF,
    IMMEDIATE,
    HOURLY_DIGEST,
    DAILY_DIGEST
}
