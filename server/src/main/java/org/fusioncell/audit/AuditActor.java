package org.fusioncell.audit;

/**
 * Who acts, as the audit log records it. The authenticated principal implements it, so modules
 * beneath identity (this one) can name the actor without knowing identity's types.
 */
public interface AuditActor {

    String userId();

    String organisationId();
}
