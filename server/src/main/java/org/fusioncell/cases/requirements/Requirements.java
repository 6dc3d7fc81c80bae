package org.fusioncell.cases.requirements;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Intelligence requirements (docs/requirements.md). A requirement is visible to a reader of its owner organisation
 * or of an organisation it tasks, whom its marking lets see it; everyone else gets {@link CaseStep.Unknown} (or
 * an empty optional), and lists and counts never include it. An agency sees its own tasks only; answers are shown
 * and counted only when the reader may see the report. Bad input throws
 * {@link org.fusioncell.shared.InvalidInputException} naming the field; nothing is stored. Every call is audited.
 */
public interface Requirements {

    String INFORMATION_TYPE = "requirement";

    /**
     * The refusal code of {@link #find} for a reader of the owner or a tasked organisation whom the marking lets
     * know only that the requirement exists (clearance or caveats short): no content.
     */
    String EXISTENCE_ONLY = "existence-only";

    /** By a supervisor of the reader's organisation, which owns the requirement. */
    CaseStep<Requirement> create(Reader author, RequirementDraft draft);

    Page<Requirement> list(Reader reader, RequirementStatus status, PageRequest page);

    long count(Reader reader, RequirementStatus status);

    /** Done, {@link #EXISTENCE_ONLY} refused, or Unknown (absent and hidden alike). */
    CaseStep<Requirement> find(Reader reader, String requirementId);

    /** New code, title, question, priority and validity (the marking stays); by a supervisor of the owner. */
    CaseStep<Requirement> edit(Reader reader, String requirementId, int expectedVersion, RequirementDraft draft);

    /** By a supervisor of the owner; the reason is required. */
    CaseStep<Requirement> changeStatus(Reader reader, String requirementId, int expectedVersion, String status,
                                       String reason);

    /** The tasks the reader may see: all for the owner, the reader's organisation's own for an agency. */
    Optional<List<CollectionTask>> tasks(Reader reader, String requirementId);

    /** By a supervisor of the owner, on an active requirement; the agency is added to its releasability. */
    CaseStep<CollectionTask> addTask(Reader reader, String requirementId, String organisationId, String indicators,
                                     String dueAt);

    /** By a member of the addressed agency. */
    CaseStep<CollectionTask> acknowledgeTask(Reader reader, String requirementId, String taskId);

    /** By a supervisor of the owner, with a reason. */
    CaseStep<CollectionTask> closeTask(Reader reader, String requirementId, String taskId, String reason);

    /** The answers the reader may see (the report visible to them, and the task theirs unless they own it). */
    Optional<List<Answer>> answers(Reader reader, String requirementId);

    /**
     * Links a report as answering the requirement (and the task, which becomes ANSWERED); by a reader who sees
     * both. A report the reader may not see is refused as absent (400 {@code reportId}).
     */
    CaseStep<Answer> answer(Reader reader, String requirementId, String taskId, String reportId, String note);

    CaseStep<Coverage> coverage(Reader reader, String requirementId, Instant now);

    /** Coverage of every active requirement the reader sees, gaps first. */
    List<Coverage> overview(Reader reader, Instant now);

    /** Tells the agency and the owner of every waiting task past due, once per task (a database claim). */
    int escalateOverdue(Instant now);
}
