package org.fusioncell.identity;

import org.fusioncell.access.Reader;

/**
 * The access module's {@link Reader} for a user, read from the database at each call (clearance,
 * caveats, organisation type and the agreements in force today), so that a suspended agreement or a
 * lowered clearance takes effect at once.
 */
public interface Readers {

    /** Request header naming the purpose a reader acts for; recorded in the audit log. */
    String PURPOSE_HEADER = "X-FusionCell-Purpose";

    /** The reader of the current request; throws {@link IllegalStateException} when nobody is authenticated. */
    Reader current();

    Reader forUser(String userId, String purpose);

    /**
     * What an organisation may read here when none of its users is signed in — a partner cell for which a
     * package is built or objects are pushed: the agreements in force for it today, no caveats, cleared up
     * to the highest classification those agreements carry (nothing above the lowest level without one).
     * {@code actor} is what the audit log records as the user: a processing actor ({@code processing:…}), never a
     * user id (TLP:RED items named to that user would become readable); anything else is refused.
     */
    Reader forOrganisation(String organisationId, String actor, String purpose);
}
