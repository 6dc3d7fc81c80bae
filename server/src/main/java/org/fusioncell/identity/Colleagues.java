package org.fusioncell.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;

/**
 * The display names of a reader's colleagues, for pages that say who did what (who proposed a
 * confirmation, who imported a list). Only users of the same organisation are named: a user of
 * another organisation stays an id, as elsewhere in the API.
 */
public interface Colleagues {

    /** Display names by user id, for those of {@code userIds} who belong to {@code organisationId}. */
    Map<String, String> displayNames(String organisationId, Collection<String> userIds);

    /**
     * The active users of {@code organisationId}, or of them those holding {@code role} when it is given
     * (alert recipients named as an organisation, escalation to supervisors). Ids only.
     */
    List<String> members(String organisationId, Role role);

    /**
     * Whether the reader is an active user of their organisation holding {@code role} now (a supervisor's
     * decision, an officer's desk) — read from the database, not from the reader's session, so a role taken away
     * counts at once.
     */
    boolean holds(Reader reader, Role role);
}
