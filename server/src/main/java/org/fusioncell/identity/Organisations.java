package org.fusioncell.identity;

import java.util.List;
import java.util.Optional;

/** Read access to organisations for other modules. */
public interface Organisations {

    Optional<OrganisationSummary> find(String id);

    /** Every organisation, by name. */
    List<OrganisationSummary> all();
}
