package org.fusioncell.exchange.hits;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Federated hit/no-hit (docs/hits.md). The requesting side sends only the minimised form of a query to the
 * chosen partner cells and keeps their answers; the holding side matches what its organisation holds,
 * answers hit or no hit with its point of contact, and lets its supervisors decide on release. A reader sees
 * only their own organisation's queries and incoming requests. Every step is audited on both sides and
 * written to the exchange log.
 */
public interface HitQueries {

    // ------------------------------------------------------------------------------------ requesting side

    /** Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming the field; nothing is sent. */
    HitQuery ask(Reader requester, HitQueryDraft draft);

    Page<HitQuery> list(Reader reader, PageRequest page);

    /** Empty unless the query is the reader's organisation's. Asks the holders about pending release requests. */
    Optional<HitQuery> find(Reader reader, String queryId);

    /** Asks the holder of a hit for release; empty unless the answer is a hit of the reader's organisation. */
    Optional<HitQuery> requestRelease(Reader requester, String queryId, String answerId, String justification);

    // --------------------------------------------------------------------------------------- holding side

    /** A partner's query, called with the token of a user of the organisation that stands for the partner. */
    HolderReply answer(Reader caller, String requesterQueryId, MinimisedQuery query);

    /** The answer and release decision for a reference the caller's organisation received. */
    Optional<HolderReply> reply(Reader caller, String reference);

    Optional<HolderReply> askRelease(Reader caller, String reference, String justification);

    /** The incoming requests of the reader's organisation, for its supervisors (empty for anyone else). */
    List<IncomingRequest> inbox(Reader supervisor);

    /** A supervisor of the holder releases (with a message) or declines (with a reason); empty when not theirs. */
    Optional<IncomingRequest> decide(Reader supervisor, String reference, boolean release, String message);

    /** The partner could not be reached to ask for release; nothing changed here. */
    final class PartnerUnavailableException extends RuntimeException {
        public PartnerUnavailableException(String reason) {
            super(reason);
        }
    }
}
