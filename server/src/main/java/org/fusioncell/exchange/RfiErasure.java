package org.fusioncell.exchange;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.ExpiredItem;

/** Erasure of requests for information, for the retention purge (docs/rfi.md "Erasure"). */
public interface RfiErasure {

    /**
     * Erases the request and everything the exchange module holds for it — its entity references, every
     * addressee's row, thread, answers and the answers' attachment references (the attached items stay in their
     * own modules) — in one transaction, after publishing {@link RfiErased}. The request is held by the
     * requesting organisation: only a reader of it may erase; anyone else is refused (audited as access denied)
     * and false. False too when no such request is held. Audited as erasure with the reason.
     */
    boolean erase(Reader actor, String rfiId, String reason);

    /**
     * Requests finished — withdrawn, or with no addressee still owing an answer — whose last change (of the
     * request or of any addressee) lies before {@code cutoff}, by id after {@code afterId}, at most
     * {@code limit}. Ids and requesting organisations only; not logged.
     */
    List<ExpiredItem> expired(Instant cutoff, String afterId, int limit);

    /** The organisation holding the request (the requesting organisation), for placing a legal hold on it; not logged. */
    java.util.Optional<String> holder(String id);
}
