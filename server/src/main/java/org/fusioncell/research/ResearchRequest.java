package org.fusioncell.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request for a research dataset as its requester and the approvers of the cell it was sent to see it.
 * {@code k} applies to pseudonymised records, {@code threshold} to aggregates; {@code epsilon} (aggregates only,
 * optional) asks for differentially private counts.
 */
public record ResearchRequest(String id, String requesterUserId, String requesterOrganisationId,
                              String cellOrganisationId, String purpose, EthicsApproval ethics, String datasetKind,
                              List<String> fields, LocalDate periodFrom, LocalDate periodTo, OutputForm output, int k,
                              int threshold, Double epsilon, Status status, String decidedBy, Instant decidedAt,
                              String conditions, String refusalReason, Instant createdAt) {

    public ResearchRequest {
        fields = List.copyOf(fields);
    }

    /** The ethics approval: who approved the research, its reference and date, and a document if one was sent. */
    public record EthicsApproval(String reference, String issuingBody, LocalDate date, String documentSha256,
                                 String documentType) {
    }

    public enum OutputForm { AGGREGATES, RECORDS }

    public enum Status { SUBMITTED, APPROVED, REFUSED }
}
