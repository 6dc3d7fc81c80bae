package org.fusioncell.exchange.hits;

import java.time.Instant;
import java.util.List;

/**
 * A hit/no-hit query of the reader's organisation, with one answer per partner asked. {@code subject} is
 * what the analyst typed (kept on this installation only); each answer's {@code sent} is what left for that
 * partner.
 */
public record HitQuery(String id, String requesterUserId, String kind, String subject, Instant createdAt,
                       List<Answer> answers) {

    public HitQuery {
        answers = List.copyOf(answers);
    }

    /**
     * A partner's answer: {@code reference} is the holder's opaque reference (to ask for release), {@code contact}
     * the holder's point of contact; {@code releaseMessage} the holder's message or reason once decided.
     */
    public record Answer(String id, String partnerId, String partnerName, MinimisedQuery sent, HitOutcome outcome,
                         String reference,
                         String contact, String detail, Instant answeredAt, ReleaseState release,
                         String justification, String releaseMessage, Instant decidedAt) {
    }
}
