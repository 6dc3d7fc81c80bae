package org.fusioncell.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Cases (docs/cases.md). A case is visible to a reader whose organisation participates (the lead or a
 * participant) and whom the case's marking lets see it; everyone else gets {@link CaseAccess.Unknown}, and
 * lists and counts never include it. Items and timeline entries are further cut by each item's own marking.
 * Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming the field; nothing is stored.
 * Every call is audited.
 */
public interface Cases {

    String INFORMATION_TYPE = "case";

    /** Opens a new case led by the reader's organisation. */
    CaseFile open(Reader author, CaseDraft draft);

    Page<CaseSummary> list(Reader reader, CaseQuery query, PageRequest page);

    long count(Reader reader, CaseQuery query);

    CaseAccess find(Reader reader, String caseId);

    /** New title, summary, kind and language (the marking stays); by participants of the lead organisation. */
    CaseStep<CaseFile> edit(Reader reader, String caseId, int expectedVersion, CaseDraft draft);

    /** By a supervisor of the lead organisation; the reason is required. */
    CaseStep<CaseFile> changeStatus(Reader reader, String caseId, int expectedVersion, String status, String reason);

    /** By a supervisor of the lead organisation; the organisation is kept in the case's releasability. */
    CaseStep<CaseFile> addParticipant(Reader reader, String caseId, int expectedVersion, String organisationId);

    CaseStep<CaseFile> removeParticipant(Reader reader, String caseId, int expectedVersion, String organisationId,
                                         String reason);

    /** The items the reader may see, each under its own marking; empty when the case is not visible. */
    Optional<List<CaseItem>> items(Reader reader, String caseId);

    /** By any participant who may see the item; an item the reader may not see is refused as absent. */
    CaseStep<CaseItem> addItem(Reader reader, String caseId, String itemType, String itemId, String note);

    CaseStep<String> removeItem(Reader reader, String caseId, String caseItemId, String reason);

    Optional<List<TimelineEntry>> timeline(Reader reader, String caseId);

    Optional<List<CaseTask>> tasks(Reader reader, String caseId);

    CaseStep<CaseTask> task(Reader reader, String caseId, String taskId);

    CaseStep<CaseTask> createTask(Reader reader, String caseId, TaskDraft draft);

    /** Names a user of a participating organisation, or a participating organisation (exactly one). */
    CaseStep<CaseTask> assignTask(Reader reader, String caseId, String taskId, String assigneeUserId,
                                  String assigneeOrganisationId);

    CaseStep<CaseTask> setDependencies(Reader reader, String caseId, String taskId, List<String> dependsOn);

    CaseStep<CaseTask> startTask(Reader reader, String caseId, String taskId);

    CaseStep<CaseTask> commentTask(Reader reader, String caseId, String taskId, String text);

    /** Done: only when every task it depends on is done or cancelled; with completion evidence. */
    CaseStep<CaseTask> completeTask(Reader reader, String caseId, String taskId, String text, List<ItemRef> evidence);

    CaseStep<CaseTask> cancelTask(Reader reader, String caseId, String taskId, String reason);

    /**
     * Tells the assignee (or the assigned organisation's supervisors) and the lead organisation's supervisors
     * of every task past its due date and not finished, once per task (a database claim: once per cluster).
     * Returns how many tasks were escalated.
     */
    int escalateOverdue(Instant now);
}
