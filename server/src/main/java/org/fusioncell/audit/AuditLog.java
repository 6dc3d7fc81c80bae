package org.fusioncell.audit;

/**
 * Appends to the hash-chained access log. Call it inside the transaction of the business write it
 * records, so that the two commit or roll back together.
 */
public interface AuditLog {

    /** Appends the record and returns its sequence number in the chain. */
    long record(AuditRecord record);
}
