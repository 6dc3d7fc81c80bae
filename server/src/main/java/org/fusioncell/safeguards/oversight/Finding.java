package org.fusioncell.safeguards.oversight;

import java.time.Instant;
import java.util.List;

/**
 * One pattern the review found: which rule, whose records, in which window, and the evidence — the audit
 * sequence numbers the rule counted, what it observed and the threshold it compared with. {@code detail} names
 * what the rule needs beyond the counts (for probing: the probed items' types and ids, as the audit log shows
 * them); never any item's content. {@code objects}/{@code objectThreshold} are set for bulk exports only.
 */
public record Finding(String id, FindingRule rule, String userId, String organisationId, Instant windowStart,
                      Instant windowEnd, long observed, long threshold, Long objects, Long objectThreshold,
                      List<Long> evidence, String detail, FindingState state, String decidedBy, Instant decidedAt,
                      String decisionReason, Instant createdAt, Instant updatedAt) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
