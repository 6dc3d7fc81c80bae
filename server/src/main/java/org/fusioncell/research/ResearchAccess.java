package org.fusioncell.research;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Research requests and their exports. A requester sees only their own requests and exports; the approvers of the
 * cell a request was sent to ({@code fusioncell.research.approver-role}, SUPERVISOR by default) see the requests
 * sent to it; nobody else learns that a request exists. Every call is audited.
 */
public interface ResearchAccess {

    String INFORMATION_TYPE = "research-request";

    /**
     * Checks and stores the request (an {@link org.fusioncell.shared.InvalidInputException} names the wrong field,
     * nothing is written); audited as collection; the cell's approvers are told.
     */
    ResearchRequest request(Reader researcher, ResearchRequestDraft draft);

    /** The requester attaches the ethics approval document (PDF or image) while the request awaits a decision. */
    Optional<ResearchRequest> attachEthicsDocument(Reader researcher, String requestId, InputStream content);

    /** Requests the reader made, and those sent to their organisation when they are an approver; newest first. */
    Page<ResearchRequest> list(Reader reader, PageRequest page);

    Optional<ResearchRequest> open(Reader reader, String requestId);

    /** Whether the reader approves research requests sent to their organisation. */
    boolean approver(Reader reader);

    /**
     * Approves with conditions (the export is cut at once from what the approver may see, logged and audited) or
     * refuses with a reason; the requester is told either way.
     */
    Outcome decide(Reader approver, String requestId, boolean approve, String text);

    List<ResearchExport> exports(Reader reader, String requestId);

    /** The file of one export; audited as disclosure. */
    Optional<ResearchExport.File> download(Reader reader, String requestId, String exportId);

    /** What a decision came to: done, or refused as a value. */
    sealed interface Outcome {
        record Decided(ResearchRequest request) implements Outcome {
        }

        /** The reader may see the request but is not one of its approvers. */
        record NotApprover() implements Outcome {
        }

        record AlreadyDecided(ResearchRequest.Status status) implements Outcome {
        }

        record Unknown() implements Outcome {
        }
    }
}
