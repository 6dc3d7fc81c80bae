package org.fusioncell.identity.internal;

import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Sector;

/** An organisation row; {@code parentId} and {@code sector} may be null. */
public record StoredOrganisation(String id, String name, OrganisationType type, Sector sector, String country,
                                 String parentId) {

    public OrganisationSummary summary() {
        return new OrganisationSummary(id, name, type, sector, country);
    }
}
