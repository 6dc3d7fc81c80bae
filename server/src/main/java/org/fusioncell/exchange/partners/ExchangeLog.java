package org.fusioncell.exchange.partners;

import java.time.Instant;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Every transfer with a partner cell — TAXII pulls and pushes, packages, hit/no-hit queries, answers and
 * release decisions, publications — as the exchange log page shows it to the owner organisation.
 */
public interface ExchangeLog {

    enum Kind { TAXII_PULL, TAXII_PUSH, PACKAGE_EXPORT, PACKAGE_IMPORT, HIT_QUERY, HIT_ANSWER, HIT_RELEASE, PUBLICATION }

    /** {@code outcome}: OK, FAILED, REFUSED or PARTIAL. */
    record Transfer(String id, String ownerOrganisationId, String partnerId, Kind kind, Instant at, int objects,
                    String outcome, String detail) {
    }

    /** In a transaction of its own: a refusal or a failure is logged even though the caller's work rolls back. */
    void record(String ownerOrganisationId, String partnerId, Kind kind, int objects, String outcome, String detail);

    /**
     * In the caller's transaction, committed or rolled back with its work — for work that runs in listeners, where
     * a second pooled connection per transaction can exhaust the pool.
     */
    void recordAlongside(String ownerOrganisationId, String partnerId, Kind kind, int objects, String outcome,
                         String detail);

    /** The reader's organisation's transfers, newest first; {@code partnerId} null for all partners. */
    Page<Transfer> page(Reader reader, String partnerId, PageRequest page);
}
