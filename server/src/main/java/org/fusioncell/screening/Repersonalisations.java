package org.fusioncell.screening;

import java.util.List;
import org.fusioncell.access.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Re-personalisation (docs/screening.md, "Depersonalisation"): a screening officer who may see a depersonalised
 * run asks for its people's particulars with a stated reason; a holder of the designated authority's role
 * ({@code fusioncell.screening.repersonalisation-authority}, DATA_PROTECTION_OFFICER) of the requester's
 * organisation, other than the requester, approves or refuses with a reason; an approved request opens the
 * particulars to the requester for {@code fusioncell.screening.repersonalisation-window}. Every step and every
 * view is audited with the request's id and reason.
 */
public interface Repersonalisations {

    /** {@code subjectId} null: every person of the run. {@code reason} is required (at most 2,000 characters). */
    RepersonalisationStep request(Reader requester, String runId, @Nullable String subjectId, String reason);

    RepersonalisationStep decide(Reader authority, String requestId, boolean approve, String reason);

    /** The authority's queue: its organisation's pending requests, oldest first (empty without the role). */
    List<RepersonalisationRequest> pending(Reader authority);

    /** The reader's own requests, newest first. */
    List<RepersonalisationRequest> mine(Reader requester);

    /** One request, to its requester and to the authority of its organisation (audited as consultation). */
    java.util.Optional<RepersonalisationRequest> find(Reader reader, String requestId);

    /** Whether the reader holds the designated authority's role. */
    boolean authority(Reader reader);

    /** The particulars an approved request opens, to its requester only, while it is open. */
    Repersonalised open(Reader requester, String requestId);
}
