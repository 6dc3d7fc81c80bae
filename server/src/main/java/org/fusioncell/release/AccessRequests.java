package org.fusioncell.release;

import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Access requests and the holder's decisions. {@code decider} says whether the user holds a role that
 * decides for their organisation (supervisor or analyst); only such users see and decide the requests
 * addressed to it. Requesters see their own. Every call is audited with ids only.
 */
public interface AccessRequests {

    String OBJECT_TYPE = "access-request";

    /** Allowed only for an item the reader is told exists but may not see (hit/no-hit). */
    Filing file(Reader requester, ItemType itemType, String itemId, String justification);

    /** Requests addressed to the reader's organisation, newest first; empty for non-deciders. */
    Page<AccessRequest> incoming(Reader reader, boolean decider, PageRequest page);

    /** The reader's own requests, newest first. */
    Page<AccessRequest> outgoing(Reader reader, PageRequest page);

    Optional<AccessRequest> find(Reader reader, boolean decider, String requestId);

    /** Re-marks the item so that the requester may see it, if the policy then lets them. */
    Ruling approve(Reader decider, boolean mayDecide, String requestId, String reason);

    /** Leaves the item untouched. */
    Ruling deny(Reader decider, boolean mayDecide, String requestId, String reason);

    Ruling withdraw(Reader requester, String requestId);
}
