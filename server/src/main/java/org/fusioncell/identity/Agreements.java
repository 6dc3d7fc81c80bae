package org.fusioncell.identity;

import java.util.List;
import java.util.Optional;

/** Read access to agreements for other modules (e.g. plans attach joint projects under an MoU to an action). */
public interface Agreements {

    Optional<AgreementSummary> find(String id);

    /** The agreements, whatever their status, to which the organisation is a party; by title. */
    List<AgreementSummary> ofParty(String organisationId);
}
