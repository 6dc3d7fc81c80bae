package org.fusioncell.safeguards.oversight;

import java.util.Optional;
import org.fusioncell.audit.AuditActor;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * The access-pattern review of the audit log (docs/oversight.md): a periodic pass reads the records appended
 * since its checkpoint, applies the {@link FindingRule}s per user and window, stores each finding and tells
 * every auditor. Auditors list, read and decide findings; every read and decision is audited.
 */
public interface AccessReview {

    String INFORMATION_TYPE = "oversight-finding";

    /** The zone in which windows and working hours are counted ({@code fusioncell.safeguards.access-review.zone}). */
    java.time.ZoneId zone();

    /** One pass over the records appended since the last, once per cluster; returns the findings raised or grown. */
    int review();

    Page<Finding> findings(AuditActor auditor, FindingState state, PageRequest page);

    Optional<Finding> finding(AuditActor auditor, String findingId);

    /**
     * Decides an open finding. Throws {@link org.fusioncell.shared.InvalidInputException} naming {@code reason}
     * when a dismissal comes without one, or when it is longer than 2000 characters.
     */
    FindingStep decide(AuditActor auditor, String findingId, FindingDecision decision, String reason);
}
