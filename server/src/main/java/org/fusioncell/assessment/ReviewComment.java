package org.fusioncell.assessment;

import java.time.Instant;

/** A peer reviewer's comment on one version; {@code portion} optionally points at the paragraph it is about. */
public record ReviewComment(String id, String assessmentId, int version, String authorUserId, String text,
                            String portion, Instant createdAt) {
}
