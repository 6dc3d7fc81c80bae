package org.fusioncell.audit;

/**
 * Appends to the hash-chained access log. Call it inside the transaction of the business write it
 * records, so that the two commit or roll back together.
 */
public interface AuditLog {

    /**
     * Records an access. Inside a transaction the record joins the chain when the transaction commits (and
     * is dropped with it on rollback); outside one, at once.
     */
    void record(AuditRecord record);
}
