package org.fusioncell.cases.response;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseStep;

/**
 * Response cases (docs/response.md). Everything is read through the case: a reader who may not open the case
 * ({@link org.fusioncell.cases.Cases#find}) gets {@link CaseStep.Unknown}, as for a case that does not exist, and
 * a case that is not a response is unknown here too. Bad input throws
 * {@link org.fusioncell.shared.InvalidInputException} naming the field; each step is one transaction, audited.
 */
public interface Responses {

    String INFORMATION_TYPE = "response";

    /** An agency and the checklist it takes ({@code sector}: one of the template's checklists). */
    record Agency(String organisationId, String sector) {
    }

    /**
     * Everything needed to open a response case in one step. {@code roles}: role code → user id (optional; roles
     * can be filled later). {@code title} defaults to the template's name and the place.
     */
    record Opening(String templateCode, String title, String language, String place, String occurredAt,
                   String attackType, String incidentId, List<Agency> agencies, Map<String, String> roles,
                   MarkingForm marking) {
    }

    /** By a supervisor: the case (kind RESPONSE), its participants, the checklists' tasks and the first sitrep due. */
    CaseStep<ResponseBoard> open(Reader supervisor, Opening opening);

    CaseStep<ResponseBoard> board(Reader reader, String caseId, Instant now);

    /** By a supervisor of the lead organisation: an active user of a participating organisation cleared for the case. */
    CaseStep<ResponseBoard.RoleHolder> assignRole(Reader reader, String caseId, String roleCode, String userId);

    record FigureDraft(String category, Integer value, String source, String asOf) {
    }

    /** {@code nextDueAt}: optional, defaults to now plus the rhythm. */
    record SitrepDraft(String language, String situation, String actionsTaken, String needs, List<FigureDraft> figures,
                       String nextDueAt) {
    }

    /** By a member of the lead organisation, on an open response case: the next number on the rhythm. */
    CaseStep<Sitrep> writeSitrep(Reader reader, String caseId, SitrepDraft draft);

    Optional<List<Sitrep>> sitreps(Reader reader, String caseId);

    CaseStep<Sitrep> sitrep(Reader reader, String caseId, int number);

    /** The situation report as a PDF (Arabic right to left), with the case's marking on it. */
    CaseStep<byte[]> sitrepPdf(Reader reader, String caseId, int number);

    /** Every figure reported, by category, oldest first (the history; the last of a category is in force). */
    Optional<List<Sitrep.Figure>> figures(Reader reader, String caseId);

    CaseStep<PressLine> draftPressLine(Reader reader, String caseId, String language, String text);

    Optional<List<PressLine>> pressLines(Reader reader, String caseId);

    /** By a supervisor of the lead organisation who did not draft it: released (now) or rejected with a reason. */
    CaseStep<PressLine> decidePressLine(Reader reader, String caseId, String lineId, boolean release, String reason);

    record ActionDraft(String action, String ownerOrganisationId) {
    }

    record ReviewDraft(String wentWell, String toImprove, List<ActionDraft> actions) {
    }

    /** By a supervisor of the lead organisation: the after-action review is recorded and the case closed, together. */
    CaseStep<AfterActionReview> close(Reader reader, String caseId, int expectedVersion, String reason,
                                      ReviewDraft review);

    CaseStep<AfterActionReview> review(Reader reader, String caseId);
}
