package org.fusioncell.exchange.rfi;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A request for information as one reader sees it. The requester's organisation sees every addressee;
 * an addressed organisation sees its own addressee row only (not whom else the requester asked).
 * {@code entities} and the responses' attachments are already cut to what this reader may know.
 */
public record Rfi(String id, String title, String question, Priority priority, Instant dueAt, Marking marking,
                  String requesterUserId, String requesterOrganisationId, boolean cancelled, String cancelReason,
                  Instant createdAt, List<ShownItem> entities, List<Addressee> addressees) {

    public record Addressee(String id, String organisationId, AddresseeState state, String assigneeUserId,
                            Instant assignedAt, Instant firstAnsweredAt, String stateReason, boolean overdue,
                            List<Message> thread, List<Response> responses) {
    }

    /** A line in an addressee's thread: a clarification, or the reason given for a step. */
    public record Message(String id, String kind, String authorUserId, String authorOrganisationId, String text,
                          Instant createdAt) {
    }

    public record Response(String id, String authorUserId, String text, Instant createdAt,
                           List<ShownItem> attachments) {
    }

    public boolean requestedBy(String organisationId) {
        return requesterOrganisationId.equals(organisationId);
    }
}
