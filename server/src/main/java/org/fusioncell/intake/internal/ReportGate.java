package org.fusioncell.intake.internal;

import java.util.List;
import java.util.Map;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Decision.Visibility;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.audit.JustificationPolicy;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one access decision for everything held under a report (the report, its versions, its
 * attachments): hidden answers like absent, existence-only gives the hit notice, and above the
 * justification level a reason is required. Refusals are audited here; grants by the caller.
 */
@Component
class ReportGate {

    /** {@code refusal} is null when granted; then {@code justification} is what to audit. */
    record Passage(ReportAccess refusal, String originatingOrganisationId, Marking marking, String justification) {
        boolean granted() {
            return refusal == null;
        }
    }

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final JustificationPolicy justification;

    ReportGate(JdbcClient jdbc, Markings markings, AuditLog audit, JustificationPolicy justification) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.justification = justification;
    }

    /** {@code alsoMarkingId} (optional) is a second marking that must allow too, e.g. an old version's. */
    Passage pass(Reader reader, String reportId, String why, String alsoMarkingId) {
        if (!Ids.isWellFormed(reportId)) {
            return new Passage(new ReportAccess.Unknown(), null, null, null);
        }
        List<String[]> found = jdbc.sql("SELECT marking_id, originating_organisation_id FROM intake_report WHERE id = :id")
                .param("id", reportId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (found.isEmpty()) {
            return new Passage(new ReportAccess.Unknown(), null, null, null);
        }
        Marking current = markings.find(found.getFirst()[0]).orElseThrow();
        Decision decision = AccessPolicy.decide(reader, Reports.INFORMATION_TYPE, current);
        int rank = current.classificationRank();
        if (alsoMarkingId != null && !alsoMarkingId.equals(found.getFirst()[0])) {
            Marking other = markings.find(alsoMarkingId).orElseThrow();
            Decision second = AccessPolicy.decide(reader, Reports.INFORMATION_TYPE, other);
            if (strictness(second.visibility()) > strictness(decision.visibility())) {
                decision = second;
            }
            rank = Math.max(rank, other.classificationRank());
        }
        AuditRecord base = AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Reports.INFORMATION_TYPE, List.of(reportId)).withPurpose(reader.purpose());
        String origin = found.getFirst()[1];
        switch (decision.visibility()) {
            case HIDDEN -> {
                audit.record(base.withOutcome("HIDDEN").withDetails(Map.of("reason", decision.reason())));
                return new Passage(new ReportAccess.Unknown(), origin, current, null);
            }
            case EXISTENCE_ONLY -> {
                audit.record(base.withOutcome("EXISTENCE_ONLY").withDetails(Map.of("reason", decision.reason())));
                return new Passage(new ReportAccess.KnownToExist(reportId, current.ownerOrganisation(), current,
                        decision.reason()), origin, current, null);
            }
            default -> {
                boolean needed = justification.required(rank);
                boolean given = why != null && !why.isBlank();
                if (needed && !given) {
                    return new Passage(new ReportAccess.JustificationNeeded(reportId), origin, current, null);
                }
                return new Passage(null, origin, current, given ? why.strip() : null);
            }
        }
    }

    /** For writes: the report is the reader's organisation's and visible to the reader. */
    boolean mayChange(Reader reader, String reportId) {
        if (!Ids.isWellFormed(reportId)) {
            return false;
        }
        List<String[]> found = jdbc.sql("SELECT marking_id, originating_organisation_id FROM intake_report WHERE id = :id")
                .param("id", reportId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (found.isEmpty() || !found.getFirst()[1].equals(reader.organisationId())) {
            return false;
        }
        Marking current = markings.find(found.getFirst()[0]).orElseThrow();
        return AccessPolicy.decide(reader, Reports.INFORMATION_TYPE, current).visibility() == Visibility.VISIBLE;
    }

    private static int strictness(Visibility v) {
        return switch (v) {
            case VISIBLE -> 0;
            case EXISTENCE_ONLY -> 1;
            case HIDDEN -> 2;
        };
    }
}
