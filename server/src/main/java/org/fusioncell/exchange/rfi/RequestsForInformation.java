package org.fusioncell.exchange.rfi;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Requests for information between organisations (docs/rfi.md). A request is visible to a reader whose
 * organisation is a party (the requester's, or an addressee) and whom its marking lets see it; everyone
 * else gets {@link RfiAccess.Unknown}, and lists and counts never include it. Every call is audited.
 */
public interface RequestsForInformation {

    String INFORMATION_TYPE = "rfi";

    /** Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming the field; nothing is stored. */
    Rfi file(Reader requester, RfiDraft draft);

    Page<RfiSummary> list(Reader reader, RfiQuery query, PageRequest page);

    long count(Reader reader, RfiQuery query);

    RfiAccess open(Reader reader, String rfiId);

    /** A supervisor or liaison officer of the addressed organisation names a colleague to answer. */
    RfiStep assign(Reader desk, String rfiId, String assigneeUserId);

    /**
     * A clarification in the thread of one addressee. From the requester's side {@code addresseeOrganisationId}
     * names the thread; from an addressee's side it is ignored (their own thread).
     */
    RfiStep message(Reader author, String rfiId, String addresseeOrganisationId, String text);

    /** The answer of the reader's organisation, with items of that organisation attached by id. */
    RfiStep answer(Reader responder, String rfiId, String text, List<Attachment> attachments);

    RfiStep accept(Reader requester, String rfiId, String addresseeOrganisationId);

    RfiStep reopen(Reader requester, String rfiId, String addresseeOrganisationId, String reason);

    RfiStep decline(Reader desk, String rfiId, String reason);

    RfiStep cancel(Reader requester, String rfiId, String reason);

    /** For supervisors; throws {@link NotSupervisorException} for anyone else. */
    ResponseTimes responseTimes(Reader supervisor, Instant from, Instant to);

    /**
     * Tells the addressed organisation's supervisors and the requester of every request past its due date
     * and still unanswered, once per request and addressee (a database claim: once per cluster). Returns
     * how many addressee rows were escalated.
     */
    int escalateOverdue(Instant now);

    /** Thrown when a figure meant for supervisors is asked by someone else. */
    final class NotSupervisorException extends RuntimeException {
        public NotSupervisorException() {
            super("for supervisors");
        }
    }
}
