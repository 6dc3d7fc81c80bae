package org.fusioncell.exchange.taxii;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * The TAXII client's feeds, administered by the owner organisation's administrators. A run goes page by page
 * from the feed's cursor; each page is applied (or accepted by the partner) and the cursor moved in one
 * transaction, so a run cut short by a broken link resumes with no duplicate and no loss.
 */
public interface TaxiiFeeds {

    List<TaxiiFeed> list(Reader admin);

    Optional<TaxiiFeed> find(Reader admin, String id);

    /** Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming the field. */
    TaxiiFeed create(Reader admin, Draft draft);

    /** Changes interval and enabled; {@code resetCursor} starts the feed again from the beginning. */
    TaxiiFeed update(Reader admin, String id, Integer intervalSeconds, Boolean enabled, boolean resetCursor);

    /** Runs the feed now (whether enabled or not); a feed already running answers outcome BUSY. */
    Run run(Reader admin, String id);

    record Draft(String partnerId, TaxiiFeed.Direction direction, String remoteCollectionId, String localCollectionId,
                 Integer intervalSeconds, Boolean enabled) {
    }

    /**
     * What a run did: OK, FAILED (with the error; the pages before it stay applied) or BUSY; pages and objects
     * moved; for pulls, what the objects did here.
     */
    record Run(String outcome, int pages, int objects, int added, int corrected, int revoked, String error) {
    }
}
