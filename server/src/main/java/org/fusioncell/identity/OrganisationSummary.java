package org.fusioncell.identity;

import org.fusioncell.access.OrganisationType;

/** An organisation as other modules show it (owner of an item, holder of a hit). {@code sector} may be null. */
public record OrganisationSummary(String id, String name, OrganisationType type, Sector sector, String country) {
}
