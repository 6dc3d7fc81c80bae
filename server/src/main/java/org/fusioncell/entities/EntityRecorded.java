package org.fusioncell.entities;

/**
 * Published in the transaction that stores a new entity or re-marks one (release after an access
 * request), so that search indexing and later watches see it after commit.
 */
public record EntityRecorded(String entityId) {
}
