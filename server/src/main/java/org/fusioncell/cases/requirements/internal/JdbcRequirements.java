package org.fusioncell.cases.requirements.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.cases.requirements.Answer;
import org.fusioncell.cases.requirements.CollectionTask;
import org.fusioncell.cases.requirements.Coverage;
import org.fusioncell.cases.requirements.Requirement;
import org.fusioncell.cases.requirements.RequirementDraft;
import org.fusioncell.cases.requirements.RequirementStatus;
import org.fusioncell.cases.requirements.Requirements;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requirements on the database. Visibility is the requirement's marking in force (released to every tasked
 * organisation) through {@link VisibilityFilter} in lists and counts and {@link AccessPolicy} on one requirement,
 * AND the reader's organisation owning it or holding one of its tasks — the cases module's rule. Answers are cut
 * by the report's own marking, decided now by the intake module's rule ({@link Reports#forProcessing}).
 */
@Service
class JdbcRequirements implements Requirements {

    static final String OBJECT = Requirements.INFORMATION_TYPE;
    static final String EXISTENCE_ONLY = Requirements.EXISTENCE_ONLY;
    private static final int MAX_TITLE = 300;
    private static final int MAX_TEXT = 8000;
    private static final int MAX_REASON = 2000;
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,39}");

    private final JdbcClient jdbc;
    private final Markings markings;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final AuditLog audit;
    private final RequirementRecords records;
    private final RequirementTasking tasking;
    private final RequirementAnswers answering;

    JdbcRequirements(JdbcClient jdbc, Markings markings, ClassificationScheme scheme, MarkingVocabulary vocabulary,
                     AuditLog audit, RequirementRecords records, RequirementTasking tasking,
                     RequirementAnswers answering) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.records = records;
        this.tasking = tasking;
        this.answering = answering;
    }

    // ---------------------------------------------------------------------------------------------- checks

    private record Checked(String code, String title, String question, TaskPriority priority, Instant from,
                           Instant until) {
    }

    private Checked check(RequirementDraft draft, Instant defaultFrom) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String code = RequirementRecords.text("code", draft.code(), 40, true);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "letters, digits and . _ / - (like PIR-1), at most 40");
        }
        String title = RequirementRecords.text("title", draft.title(), MAX_TITLE, true);
        String question = RequirementRecords.text("question", draft.question(), MAX_TEXT, true);
        TaskPriority priority = draft.priority() == null || draft.priority().isBlank() ? TaskPriority.NORMAL
                : TaskPriority.parse(draft.priority()).orElseThrow(() -> new InvalidInputException("priority",
                "one of " + List.of(TaskPriority.values())));
        Instant from = RequirementRecords.when("validFrom", draft.validFrom(), false);
        Instant until = RequirementRecords.when("validUntil", draft.validUntil(), true);
        from = from == null ? defaultFrom : from;
        if (until != null && !until.isAfter(from)) {
            throw new InvalidInputException("validUntil", "after validFrom");
        }
        return new Checked(code, title, question, priority, from, until);
    }

    private void uniqueCode(String owner, String code, String exceptId) {
        long same = jdbc.sql("SELECT COUNT(*) FROM rq_requirement WHERE owner_organisation_id = :org AND code = :code"
                        + " AND id <> :id").param("org", owner).param("code", code)
                .param("id", exceptId == null ? "" : exceptId).query(Long.class).single();
        if (same > 0) {
            throw new InvalidInputException("code", "already used by another requirement of your organisation");
        }
    }

    @Override
    @Transactional
    public CaseStep<Requirement> create(Reader author, RequirementDraft draft) {
        if (!records.supervisor(author)) {
            return new CaseStep.Refused<>("not-supervisor", "Only a supervisor sets the requirements of the"
                    + " organisation.");
        }
        Instant now = records.now();
        Checked c = check(draft, now);
        if (draft.marking() == null) {
            throw new InvalidInputException("marking", "required");
        }
        Marking base = draft.marking().toMarking(scheme, vocabulary, author.organisationId(), author.userId(),
                "marking");
        if (base.tlp() == Tlp.RED) {
            throw new InvalidInputException("marking.tlp", "a requirement is shared with the agencies tasked:"
                    + " TLP:RED (named users only) does not apply; use AMBER+STRICT and caveats");
        }
        Decision own = AccessPolicy.decide(author, OBJECT, base);
        if (!own.visible()) {
            throw new InvalidInputException("marking", "you could not read a requirement marked so ("
                    + own.reason() + ")");
        }
        uniqueCode(author.organisationId(), c.code(), null);
        String id = Ids.newId();
        String baseId = markings.save(base);
        String inForce = markings.save(base.releasedTo(Set.of(author.organisationId())));
        jdbc.sql("""
                INSERT INTO rq_requirement (id, code, title, question, priority, owner_organisation_id, valid_from,
                    valid_until, status, created_by, base_marking_id, marking_id, version, created_at, updated_at)
                VALUES (:id, :code, :title, :question, :priority, :org, :from, :until, 'ACTIVE', :user, :base,
                    :marking, 1, :now, :now)""")
                .param("id", id).param("code", c.code()).param("title", c.title()).param("question", c.question())
                .param("priority", c.priority().name()).param("org", author.organisationId())
                .param("from", Timestamp.from(c.from()))
                .param("until", c.until() == null ? null : Timestamp.from(c.until()))
                .param("user", author.userId()).param("base", baseId).param("marking", inForce)
                .param("now", Timestamp.from(now)).update();
        records.audit(author, AuditAction.COLLECTION, id, "create", Map.of("code", c.code()));
        return new CaseStep.Done<>(records.reload(id).requirement());
    }

    @Override
    @Transactional
    public Page<Requirement> list(Reader reader, RequirementStatus status, PageRequest page) {
        RequirementRecords.Where w = RequirementRecords.where(reader, status);
        long total = jdbc.sql("SELECT COUNT(*) FROM rq_requirement q WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        List<Requirement> items = records.heads(w, page.size(), page.offset()).stream().map(RequirementRecords.Seen::requirement).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                items.stream().map(Requirement::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total",
                        String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, RequirementStatus status) {
        RequirementRecords.Where w = RequirementRecords.where(reader, status);
        long total = jdbc.sql("SELECT COUNT(*) FROM rq_requirement q WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), OBJECT, List.of())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public CaseStep<Requirement> find(Reader reader, String requirementId) {
        Optional<RequirementRecords.Head> found = records.head(requirementId);
        if (found.isEmpty() || (!found.get().owner().equals(reader.organisationId())
                && !records.tasked(found.get().id(), reader.organisationId()))) {
            return new CaseStep.Unknown<>();
        }
        RequirementRecords.Head h = found.get();
        Marking marking = markings.find(h.markingId()).orElseThrow();
        Decision d = AccessPolicy.decide(reader, OBJECT, marking);
        return switch (d.visibility()) {
            case HIDDEN -> new CaseStep.Unknown<>();
            case EXISTENCE_ONLY -> {
                audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                        OBJECT, List.of(h.id())).withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("reason", d.reason())));
                yield new CaseStep.Refused<>(EXISTENCE_ONLY, "The requirement's marking withholds its content from"
                        + " you; it is held by its owner organisation.");
            }
            case VISIBLE -> {
                records.audit(reader, AuditAction.CONSULTATION, h.id(), "open", Map.of());
                yield new CaseStep.Done<>(new RequirementRecords.Seen(h, marking).requirement());
            }
        };
    }

    @Override
    @Transactional
    public CaseStep<Requirement> edit(Reader reader, String requirementId, int expectedVersion,
                                      RequirementDraft draft) {
        Optional<RequirementRecords.Seen> found = records.seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        RequirementRecords.Seen s = found.get();
        if (!records.ownerSupervisor(reader, s)) {
            return new CaseStep.Refused<>("not-owner-supervisor", "Only a supervisor of the organisation that set"
                    + " the requirement edits it.");
        }
        Checked c = check(draft, s.head().validFrom());
        uniqueCode(s.head().owner(), c.code(), s.head().id());
        int moved = jdbc.sql("""
                UPDATE rq_requirement SET code = :code, title = :title, question = :question, priority = :priority,
                    valid_from = :from, valid_until = :until, version = version + 1, updated_at = :now
                WHERE id = :id AND version = :v""")
                .param("code", c.code()).param("title", c.title()).param("question", c.question())
                .param("priority", c.priority().name()).param("from", Timestamp.from(c.from()))
                .param("until", c.until() == null ? null : Timestamp.from(c.until()))
                .param("now", Timestamp.from(records.now())).param("id", s.head().id()).param("v", expectedVersion).update();
        if (moved == 0) {
            return new CaseStep.Stale<>(s.head().version());
        }
        records.audit(reader, AuditAction.ALTERATION, s.head().id(), "edit", Map.of());
        return new CaseStep.Done<>(records.reload(s.head().id()).requirement());
    }

    @Override
    @Transactional
    public CaseStep<Requirement> changeStatus(Reader reader, String requirementId, int expectedVersion,
                                              String status, String reason) {
        Optional<RequirementRecords.Seen> found = records.seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        RequirementRecords.Seen s = found.get();
        if (!records.ownerSupervisor(reader, s)) {
            return new CaseStep.Refused<>("not-owner-supervisor", "Only a supervisor of the organisation that set"
                    + " the requirement changes its status.");
        }
        if (status == null || status.isBlank()) {
            throw new InvalidInputException("status", "required; one of " + List.of(RequirementStatus.values()));
        }
        RequirementStatus to = RequirementStatus.parse(status).orElseThrow(() -> new InvalidInputException("status",
                "one of " + List.of(RequirementStatus.values())));
        String why = RequirementRecords.text("reason", reason, MAX_REASON, true);
        if (to == s.head().status()) {
            return new CaseStep.WrongState<>(to.name());
        }
        int moved = jdbc.sql("UPDATE rq_requirement SET status = :status, status_reason = :why, version = version + 1,"
                        + " updated_at = :now WHERE id = :id AND version = :v")
                .param("status", to.name()).param("why", why).param("now", Timestamp.from(records.now()))
                .param("id", s.head().id()).param("v", expectedVersion).update();
        if (moved == 0) {
            return new CaseStep.Stale<>(s.head().version());
        }
        records.audit(reader, AuditAction.ALTERATION, s.head().id(), "status", Map.of("from", s.head().status().name(),
                "to", to.name()));
        return new CaseStep.Done<>(records.reload(s.head().id()).requirement());
    }

    // ---------------------------------------------------------------------------------------------- parts

    @Override
    public Optional<List<CollectionTask>> tasks(Reader reader, String requirementId) {
        return tasking.tasks(reader, requirementId);
    }

    @Override
    public CaseStep<CollectionTask> addTask(Reader reader, String requirementId, String organisationId,
                                            String indicators, String dueAt) {
        return tasking.addTask(reader, requirementId, organisationId, indicators, dueAt);
    }

    @Override
    public CaseStep<CollectionTask> acknowledgeTask(Reader reader, String requirementId, String taskId) {
        return tasking.acknowledgeTask(reader, requirementId, taskId);
    }

    @Override
    public CaseStep<CollectionTask> closeTask(Reader reader, String requirementId, String taskId, String reason) {
        return tasking.closeTask(reader, requirementId, taskId, reason);
    }

    @Override
    public int escalateOverdue(Instant now) {
        return tasking.escalateOverdue(now);
    }

    @Override
    public Optional<List<Answer>> answers(Reader reader, String requirementId) {
        return answering.answers(reader, requirementId);
    }

    @Override
    public CaseStep<Answer> answer(Reader reader, String requirementId, String taskId, String reportId,
                                   String note) {
        return answering.answer(reader, requirementId, taskId, reportId, note);
    }

    @Override
    public CaseStep<Coverage> coverage(Reader reader, String requirementId, Instant now) {
        return answering.coverage(reader, requirementId, now);
    }

    @Override
    public List<Coverage> overview(Reader reader, Instant now) {
        return answering.overview(reader, now);
    }
}
