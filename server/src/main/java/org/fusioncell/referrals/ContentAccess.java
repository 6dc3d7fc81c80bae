package org.fusioncell.referrals;

import java.util.List;
import org.fusioncell.access.Marking;

/** The outcome of opening a content record: absent and hidden are one {@link Unknown}. */
public sealed interface ContentAccess {

    record Opened(OnlineContent content, List<Referral> referrals) implements ContentAccess {
    }

    /** The reader's organisation may learn that the record exists (hit/no-hit), nothing of it. */
    record KnownToExist(String contentId, String ownerOrganisationId, Marking marking) implements ContentAccess {
    }

    record Unknown() implements ContentAccess {
    }
}
