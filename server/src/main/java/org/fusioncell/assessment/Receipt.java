package org.fusioncell.assessment;

import java.time.Instant;

/**
 * One recipient's copy of a disseminated product: when it was delivered and read, and the recipient's
 * feedback. {@code withdrawnNoticeAt} is when the recipient was told of a withdrawal or supersession.
 */
public record Receipt(String assessmentId, int version, String recipientUserId, String recipientOrganisationId,
                      Instant deliveredAt, Instant readAt, Feedback feedback, String feedbackNote, Instant feedbackAt,
                      Instant withdrawnNoticeAt) {

    public enum Feedback { USEFUL, NOT_USEFUL, ACTION_TAKEN }
}
