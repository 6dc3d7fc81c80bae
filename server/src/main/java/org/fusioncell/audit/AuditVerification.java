package org.fusioncell.audit;

/**
 * Walks the whole chain in sequence order and names the first record that is not as it was written.
 * Streams in batches: memory use does not grow with the log.
 */
public interface AuditVerification {

    VerificationResult verify();
}
