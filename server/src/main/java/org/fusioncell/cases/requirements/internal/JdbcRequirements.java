package org.fusioncell.cases.requirements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.Tlp;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.cases.requirements.Answer;
import org.fusioncell.cases.requirements.CollectionStatus;
import org.fusioncell.cases.requirements.CollectionTask;
import org.fusioncell.cases.requirements.Coverage;
import org.fusioncell.cases.requirements.Requirement;
import org.fusioncell.cases.requirements.RequirementDraft;
import org.fusioncell.cases.requirements.RequirementStatus;
import org.fusioncell.cases.requirements.Requirements;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    static final String ESCALATION_ACTOR = "processing:requirement-escalation";
    private static final int MAX_TITLE = 300;
    private static final int MAX_TEXT = 8000;
    private static final int MAX_REASON = 2000;
    private static final int MAX_TASKS = 60;
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,39}");
    private static final List<String> WAITING = List.of(CollectionStatus.OPEN.name(),
            CollectionStatus.ACKNOWLEDGED.name());

    private final JdbcClient jdbc;
    private final Markings markings;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final Readers readers;
    private final Reports reports;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration gap;

    JdbcRequirements(JdbcClient jdbc, Markings markings, ClassificationScheme scheme, MarkingVocabulary vocabulary,
                     Organisations organisations, Colleagues colleagues, Readers readers, Reports reports,
                     Notices notices, AuditLog audit, Clock clock, PlatformTransactionManager transactions,
                     @Value("${fusioncell.requirements.gap-days:30}") int gapDays) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.readers = readers;
        this.reports = reports;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.gap = Duration.ofDays(Math.max(1, gapDays));
    }

    // ---------------------------------------------------------------------------------------------- rows

    record Head(String id, String code, String title, String question, TaskPriority priority, String owner,
                Instant validFrom, Instant validUntil, RequirementStatus status, String statusReason,
                String createdBy, String baseMarkingId, String markingId, int version, Instant createdAt,
                Instant updatedAt) {
    }

    /** A requirement the reader may see, with its marking in force. */
    record Seen(Head head, Marking marking) {
        Requirement requirement() {
            Head h = head;
            return new Requirement(h.id(), h.code(), h.title(), h.question(), h.priority(), h.owner(), h.validFrom(),
                    h.validUntil(), h.status(), h.statusReason(), marking, h.version(), h.createdBy(), h.createdAt(),
                    h.updatedAt());
        }

        boolean owner(Reader reader) {
            return head.owner().equals(reader.organisationId());
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getString("id"), rs.getString("code"), rs.getString("title"), rs.getString("question"),
                TaskPriority.valueOf(rs.getString("priority")), rs.getString("owner_organisation_id"),
                instant(rs, "valid_from"), instant(rs, "valid_until"),
                RequirementStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("created_by"), rs.getString("base_marking_id"), rs.getString("marking_id"),
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private CollectionTask task(ResultSet rs, int n) throws SQLException {
        CollectionStatus status = CollectionStatus.valueOf(rs.getString("status"));
        Instant due = instant(rs, "due_at");
        return new CollectionTask(rs.getString("id"), rs.getString("requirement_id"), rs.getString("organisation_id"),
                rs.getString("indicators"), due, status, rs.getString("status_reason"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"),
                due != null && status.waiting() && due.isBefore(now()));
    }

    private Optional<Head> head(String id) {
        if (id == null || !Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM rq_requirement WHERE id = :id").param("id", id)
                .query(JdbcRequirements::head).optional();
    }

    private boolean tasked(String requirementId, String organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM rq_task WHERE requirement_id = :id AND organisation_id = :org")
                .param("id", requirementId).param("org", organisationId).query(Long.class).single() > 0;
    }

    /** The requirement if the reader's organisation owns it or is tasked, and the marking lets the reader see it. */
    private Optional<Seen> seen(Reader reader, String id) {
        return head(id).flatMap(h -> {
            if (!h.owner().equals(reader.organisationId()) && !tasked(h.id(), reader.organisationId())) {
                return Optional.empty();
            }
            Marking marking = markings.find(h.markingId()).orElseThrow();
            return AccessPolicy.decide(reader, OBJECT, marking).visible()
                    ? Optional.of(new Seen(h, marking)) : Optional.empty();
        });
    }

    private Seen reload(String id) {
        Head h = head(id).orElseThrow();
        return new Seen(h, markings.find(h.markingId()).orElseThrow());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private boolean supervisor(Reader reader) {
        return colleagues.members(reader.organisationId(), Role.SUPERVISOR).contains(reader.userId());
    }

    private boolean ownerSupervisor(Reader reader, Seen s) {
        return s.owner(reader) && supervisor(reader);
    }

    private boolean userSees(String userId, Marking marking) {
        try {
            return AccessPolicy.decide(readers.forUser(userId, OBJECT), OBJECT, marking).visible();
        } catch (RuntimeException gone) {
            return false;
        }
    }

    private void audit(Reader reader, AuditAction action, String id, String step, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("step", step);
        audit.record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT, List.of(id))
                .withPurpose(reader.purpose()).withDetails(all));
    }

    private void tell(String userId, Seen s, String kind, String itemId, String summary, Severity severity) {
        if (userId == null || !userSees(userId, s.marking())) {
            return;
        }
        Head h = s.head();
        String name = h.code() + " " + h.title();
        notices.tell(userId, new Notices.Notice(h.id(), name, kind, itemId, h.owner(), name, summary, severity,
                "/requirements/" + h.id()));
    }

    // ---------------------------------------------------------------------------------------------- checks

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return stripped;
    }

    /** An ISO-8601 instant, or a date: its start ({@code endOfDay} false) or its last second (true), UTC. */
    static Instant when(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return endOfDay ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "an ISO-8601 date (2026-12-01) or instant (2026-12-01T18:00:00Z)");
        }
    }

    private record Checked(String code, String title, String question, TaskPriority priority, Instant from,
                           Instant until) {
    }

    private Checked check(RequirementDraft draft, Instant defaultFrom) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String code = text("code", draft.code(), 40, true);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "letters, digits and . _ / - (like PIR-1), at most 40");
        }
        String title = text("title", draft.title(), MAX_TITLE, true);
        String question = text("question", draft.question(), MAX_TEXT, true);
        TaskPriority priority = draft.priority() == null || draft.priority().isBlank() ? TaskPriority.NORMAL
                : TaskPriority.parse(draft.priority()).orElseThrow(() -> new InvalidInputException("priority",
                "one of " + List.of(TaskPriority.values())));
        Instant from = when("validFrom", draft.validFrom(), false);
        Instant until = when("validUntil", draft.validUntil(), true);
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

    // ---------------------------------------------------------------------------------------------- requirement

    @Override
    @Transactional
    public CaseStep<Requirement> create(Reader author, RequirementDraft draft) {
        if (!supervisor(author)) {
            return new CaseStep.Refused<>("not-supervisor", "Only a supervisor sets the requirements of the"
                    + " organisation.");
        }
        Instant now = now();
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
        audit(author, AuditAction.COLLECTION, id, "create", Map.of("code", c.code()));
        return new CaseStep.Done<>(reload(id).requirement());
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Reader reader, RequirementStatus status) {
        SqlPredicate visible = VisibilityFilter.visible(reader, OBJECT, "q.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("qorg", reader.organisationId());
        StringBuilder sql = new StringBuilder(visible.sql()).append(" AND (q.owner_organisation_id = :qorg OR EXISTS"
                + " (SELECT 1 FROM rq_task qt WHERE qt.requirement_id = q.id AND qt.organisation_id = :qorg))");
        if (status != null) {
            sql.append(" AND q.status = :qstatus");
            params.put("qstatus", status.name());
        }
        return new Where(sql.toString(), params);
    }

    private List<Seen> heads(Where w, int limit, long offset) {
        List<Head> heads = jdbc.sql("SELECT * FROM rq_requirement q WHERE " + w.sql()
                        + " ORDER BY q.updated_at DESC, q.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", limit).param("offset", offset)
                .query(JdbcRequirements::head).list();
        Map<String, Marking> marks = markings.findAll(heads.stream().map(Head::markingId).distinct().toList());
        return heads.stream().map(h -> new Seen(h, marks.get(h.markingId()))).toList();
    }

    @Override
    @Transactional
    public Page<Requirement> list(Reader reader, RequirementStatus status, PageRequest page) {
        Where w = where(reader, status);
        long total = jdbc.sql("SELECT COUNT(*) FROM rq_requirement q WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        List<Requirement> items = heads(w, page.size(), page.offset()).stream().map(Seen::requirement).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                items.stream().map(Requirement::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total",
                        String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, RequirementStatus status) {
        Where w = where(reader, status);
        long total = jdbc.sql("SELECT COUNT(*) FROM rq_requirement q WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), OBJECT, List.of())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public CaseStep<Requirement> find(Reader reader, String requirementId) {
        Optional<Head> found = head(requirementId);
        if (found.isEmpty() || (!found.get().owner().equals(reader.organisationId())
                && !tasked(found.get().id(), reader.organisationId()))) {
            return new CaseStep.Unknown<>();
        }
        Head h = found.get();
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
                audit(reader, AuditAction.CONSULTATION, h.id(), "open", Map.of());
                yield new CaseStep.Done<>(new Seen(h, marking).requirement());
            }
        };
    }

    @Override
    @Transactional
    public CaseStep<Requirement> edit(Reader reader, String requirementId, int expectedVersion,
                                      RequirementDraft draft) {
        Optional<Seen> found = seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!ownerSupervisor(reader, s)) {
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
                .param("now", Timestamp.from(now())).param("id", s.head().id()).param("v", expectedVersion).update();
        if (moved == 0) {
            return new CaseStep.Stale<>(s.head().version());
        }
        audit(reader, AuditAction.ALTERATION, s.head().id(), "edit", Map.of());
        return new CaseStep.Done<>(reload(s.head().id()).requirement());
    }

    @Override
    @Transactional
    public CaseStep<Requirement> changeStatus(Reader reader, String requirementId, int expectedVersion,
                                              String status, String reason) {
        Optional<Seen> found = seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!ownerSupervisor(reader, s)) {
            return new CaseStep.Refused<>("not-owner-supervisor", "Only a supervisor of the organisation that set"
                    + " the requirement changes its status.");
        }
        if (status == null || status.isBlank()) {
            throw new InvalidInputException("status", "required; one of " + List.of(RequirementStatus.values()));
        }
        RequirementStatus to = RequirementStatus.parse(status).orElseThrow(() -> new InvalidInputException("status",
                "one of " + List.of(RequirementStatus.values())));
        String why = text("reason", reason, MAX_REASON, true);
        if (to == s.head().status()) {
            return new CaseStep.WrongState<>(to.name());
        }
        int moved = jdbc.sql("UPDATE rq_requirement SET status = :status, status_reason = :why, version = version + 1,"
                        + " updated_at = :now WHERE id = :id AND version = :v")
                .param("status", to.name()).param("why", why).param("now", Timestamp.from(now()))
                .param("id", s.head().id()).param("v", expectedVersion).update();
        if (moved == 0) {
            return new CaseStep.Stale<>(s.head().version());
        }
        audit(reader, AuditAction.ALTERATION, s.head().id(), "status", Map.of("from", s.head().status().name(),
                "to", to.name()));
        return new CaseStep.Done<>(reload(s.head().id()).requirement());
    }

    // ---------------------------------------------------------------------------------------------- tasks

    /** All tasks for the owner; the reader's organisation's own for an agency. */
    private List<CollectionTask> visibleTasks(Reader reader, Seen s) {
        if (s.owner(reader)) {
            return jdbc.sql("SELECT * FROM rq_task WHERE requirement_id = :id ORDER BY created_at, id")
                    .param("id", s.head().id()).query(this::task).list();
        }
        return jdbc.sql("SELECT * FROM rq_task WHERE requirement_id = :id AND organisation_id = :org"
                        + " ORDER BY created_at, id")
                .param("id", s.head().id()).param("org", reader.organisationId()).query(this::task).list();
    }

    private Optional<CollectionTask> visibleTask(Reader reader, Seen s, String taskId) {
        return visibleTasks(reader, s).stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    @Override
    @Transactional
    public Optional<List<CollectionTask>> tasks(Reader reader, String requirementId) {
        return seen(reader, requirementId).map(s -> {
            List<CollectionTask> tasks = visibleTasks(reader, s);
            audit(reader, AuditAction.CONSULTATION, s.head().id(), "tasks", Map.of("shown",
                    String.valueOf(tasks.size())));
            return tasks;
        });
    }

    @Override
    @Transactional
    public CaseStep<CollectionTask> addTask(Reader reader, String requirementId, String organisationId,
                                            String indicators, String dueAt) {
        Optional<Seen> found = seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!ownerSupervisor(reader, s)) {
            return new CaseStep.Refused<>("not-owner-supervisor", "Only a supervisor of the organisation that set"
                    + " the requirement tasks agencies.");
        }
        if (s.head().status() != RequirementStatus.ACTIVE) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        String org = organisationId == null ? null : organisationId.strip();
        if (org == null || org.isEmpty()) {
            throw new InvalidInputException("organisationId", "required");
        }
        if (!Ids.isWellFormed(org) || organisations.find(org).isEmpty()) {
            throw new InvalidInputException("organisationId", "no such organisation");
        }
        String what = text("indicators", indicators, MAX_TEXT, true);
        Instant now = now();
        Instant due = when("dueAt", dueAt, true);
        if (due != null && !due.isAfter(now)) {
            throw new InvalidInputException("dueAt", "in the future");
        }
        Set<String> orgs = new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT organisation_id FROM rq_task WHERE"
                + " requirement_id = :id").param("id", s.head().id()).query(String.class).list());
        if (orgs.size() >= MAX_TASKS) {
            throw new InvalidInputException("organisationId", "at most " + MAX_TASKS + " agencies");
        }
        orgs.add(s.head().owner());
        orgs.add(org);
        Marking next = markings.find(s.head().baseMarkingId()).orElseThrow().releasedTo(orgs);
        if (colleagues.members(org, null).stream().noneMatch(u -> userSees(u, next))) {
            throw new InvalidInputException("organisationId", "nobody of this organisation is cleared for the"
                    + " requirement's level and caveats");
        }
        jdbc.sql("UPDATE rq_requirement SET marking_id = :m, updated_at = :now WHERE id = :id")
                .param("m", markings.save(next)).param("now", Timestamp.from(now)).param("id", s.head().id())
                .update();
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO rq_task (id, requirement_id, organisation_id, indicators, due_at, status, created_by,
                    created_at, updated_at) VALUES (:id, :req, :org, :what, :due, 'OPEN', :user, :now, :now)""")
                .param("id", id).param("req", s.head().id()).param("org", org).param("what", what)
                .param("due", due == null ? null : Timestamp.from(due)).param("user", reader.userId())
                .param("now", Timestamp.from(now)).update();
        audit(reader, AuditAction.DISCLOSURE, s.head().id(), "task-added", Map.of("task", id,
                "recipientOrganisation", org));
        Seen after = reload(s.head().id());
        for (String user : colleagues.members(org, Role.SUPERVISOR)) {
            tell(user, after, "requirement-task", id, "A collection task for your organisation: " + what,
                    Severity.MEDIUM);
        }
        return new CaseStep.Done<>(oneTask(id));
    }

    private CollectionTask oneTask(String id) {
        return jdbc.sql("SELECT * FROM rq_task WHERE id = :id").param("id", id).query(this::task).single();
    }

    @Override
    @Transactional
    public CaseStep<CollectionTask> acknowledgeTask(Reader reader, String requirementId, String taskId) {
        Optional<Seen> found = seen(reader, requirementId);
        Optional<CollectionTask> task = found.flatMap(s -> visibleTask(reader, s, taskId));
        if (task.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        CollectionTask t = task.get();
        if (!t.organisationId().equals(reader.organisationId())) {
            return new CaseStep.Refused<>("not-addressee", "Only the agency the task is addressed to acknowledges it.");
        }
        if (t.status() != CollectionStatus.OPEN) {
            return new CaseStep.WrongState<>(t.status().name());
        }
        jdbc.sql("UPDATE rq_task SET status = 'ACKNOWLEDGED', updated_at = :now WHERE id = :id AND status = 'OPEN'")
                .param("now", Timestamp.from(now())).param("id", t.id()).update();
        audit(reader, AuditAction.ALTERATION, found.get().head().id(), "task-acknowledged", Map.of("task", t.id()));
        return new CaseStep.Done<>(oneTask(t.id()));
    }

    @Override
    @Transactional
    public CaseStep<CollectionTask> closeTask(Reader reader, String requirementId, String taskId, String reason) {
        Optional<Seen> found = seen(reader, requirementId);
        Optional<CollectionTask> task = found.flatMap(s -> visibleTask(reader, s, taskId));
        if (task.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        if (!ownerSupervisor(reader, found.get())) {
            return new CaseStep.Refused<>("not-owner-supervisor", "Only a supervisor of the organisation that set"
                    + " the requirement closes its tasks.");
        }
        CollectionTask t = task.get();
        if (t.status() == CollectionStatus.CLOSED) {
            return new CaseStep.WrongState<>(t.status().name());
        }
        String why = text("reason", reason, MAX_REASON, true);
        jdbc.sql("UPDATE rq_task SET status = 'CLOSED', status_reason = :why, updated_at = :now WHERE id = :id")
                .param("why", why).param("now", Timestamp.from(now())).param("id", t.id()).update();
        audit(reader, AuditAction.ALTERATION, found.get().head().id(), "task-closed", Map.of("task", t.id()));
        return new CaseStep.Done<>(oneTask(t.id()));
    }

    // ---------------------------------------------------------------------------------------------- answers

    private record AnswerRow(String id, String requirementId, String taskId, String reportId, String note,
                             String linkedBy, String linkedOrganisationId, Instant linkedAt) {
    }

    private static AnswerRow answerRow(ResultSet rs, int n) throws SQLException {
        return new AnswerRow(rs.getString("id"), rs.getString("requirement_id"), rs.getString("task_id"),
                rs.getString("report_id"), rs.getString("note"), rs.getString("linked_by"),
                rs.getString("linked_organisation_id"), instant(rs, "linked_at"));
    }

    /** The report if the reader may see it, decided by the intake module's rule on the report as stored. */
    private Optional<Report> report(Reader reader, String reportId) {
        if (reportId == null || !Ids.isWellFormed(reportId.strip())) {
            return Optional.empty();
        }
        return reports.forProcessing(reportId.strip())
                .filter(r -> AccessPolicy.decide(reader, Reports.INFORMATION_TYPE, r.marking()).visible());
    }

    /** Answers the reader may see: the report visible to them, and (unless they own it) on no task or their own. */
    private List<Answer> visibleAnswers(Reader reader, Seen s) {
        Set<String> tasks = new java.util.HashSet<>();
        visibleTasks(reader, s).forEach(t -> tasks.add(t.id()));
        List<Answer> out = new ArrayList<>();
        for (AnswerRow a : jdbc.sql("SELECT * FROM rq_answer WHERE requirement_id = :id ORDER BY linked_at DESC, id")
                .param("id", s.head().id()).query(JdbcRequirements::answerRow).list()) {
            if (a.taskId() != null && !tasks.contains(a.taskId())) {
                continue;
            }
            report(reader, a.reportId()).ifPresent(r -> out.add(new Answer(a.id(), a.requirementId(), a.taskId(),
                    a.reportId(), r.title(), r.marking(), a.note(), a.linkedBy(), a.linkedOrganisationId(),
                    a.linkedAt())));
        }
        return out;
    }

    @Override
    @Transactional
    public Optional<List<Answer>> answers(Reader reader, String requirementId) {
        return seen(reader, requirementId).map(s -> {
            List<Answer> answers = visibleAnswers(reader, s);
            audit(reader, AuditAction.CONSULTATION, s.head().id(), "answers", Map.of("shown",
                    String.valueOf(answers.size())));
            return answers;
        });
    }

    @Override
    @Transactional
    public CaseStep<Answer> answer(Reader reader, String requirementId, String taskId, String reportId,
                                   String note) {
        Optional<Seen> found = seen(reader, requirementId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (s.head().status() != RequirementStatus.ACTIVE) {
            return new CaseStep.WrongState<>(s.head().status().name());
        }
        CollectionTask task = null;
        if (taskId != null && !taskId.isBlank()) {
            task = visibleTask(reader, s, taskId.strip()).orElseThrow(() -> new InvalidInputException("taskId",
                    "no such task of this requirement"));
            if (task.status() == CollectionStatus.CLOSED) {
                throw new InvalidInputException("taskId", "the task is closed");
            }
        }
        if (reportId == null || reportId.isBlank()) {
            throw new InvalidInputException("reportId", "required");
        }
        Report report = report(reader, reportId).orElseThrow(() -> new InvalidInputException("reportId",
                "no such report"));
        String why = text("note", note, MAX_REASON, false);
        long already = jdbc.sql("SELECT COUNT(*) FROM rq_answer WHERE requirement_id = :id AND report_id = :report")
                .param("id", s.head().id()).param("report", report.id()).query(Long.class).single();
        if (already > 0) {
            throw new InvalidInputException("reportId", "already answers this requirement");
        }
        String id = Ids.newId();
        Instant now = now();
        jdbc.sql("""
                INSERT INTO rq_answer (id, requirement_id, task_id, report_id, note, linked_by, linked_organisation_id,
                    linked_at) VALUES (:id, :req, :task, :report, :note, :user, :org, :now)""")
                .param("id", id).param("req", s.head().id()).param("task", task == null ? null : task.id())
                .param("report", report.id()).param("note", why).param("user", reader.userId())
                .param("org", reader.organisationId()).param("now", Timestamp.from(now)).update();
        if (task != null && task.status().waiting()) {
            jdbc.sql("UPDATE rq_task SET status = 'ANSWERED', updated_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("id", task.id()).update();
        }
        jdbc.sql("UPDATE rq_requirement SET updated_at = :now WHERE id = :id").param("now", Timestamp.from(now))
                .param("id", s.head().id()).update();
        audit(reader, AuditAction.COMBINATION, s.head().id(), "answer", task == null
                ? Map.of("report", report.id()) : Map.of("report", report.id(), "task", task.id()));
        return new CaseStep.Done<>(new Answer(id, s.head().id(), task == null ? null : task.id(), report.id(),
                report.title(), report.marking(), why, reader.userId(), reader.organisationId(), now));
    }

    // ---------------------------------------------------------------------------------------------- coverage

    private Coverage coverageOf(Reader reader, Seen s, Instant now) {
        List<CollectionTask> tasks = visibleTasks(reader, s);
        List<Answer> answers = visibleAnswers(reader, s);
        Map<CollectionStatus, Integer> byStatus = new EnumMap<>(CollectionStatus.class);
        for (CollectionStatus st : CollectionStatus.values()) {
            byStatus.put(st, 0);
        }
        tasks.forEach(t -> byStatus.merge(t.status(), 1, Integer::sum));
        Instant last = answers.stream().map(Answer::linkedAt).max(Comparator.naturalOrder()).orElse(null);
        Set<String> answered = new java.util.HashSet<>();
        tasks.stream().filter(t -> t.status() == CollectionStatus.ANSWERED).forEach(t -> answered.add(
                t.organisationId()));
        List<String> waiting = tasks.stream().filter(t -> t.status().waiting())
                .map(CollectionTask::organisationId).filter(o -> !answered.contains(o)).distinct().toList();
        int overdue = (int) tasks.stream().filter(t -> t.dueAt() != null && t.status().waiting()
                && t.dueAt().isBefore(now)).count();
        boolean isGap = s.head().status() == RequirementStatus.ACTIVE
                && (last == null || last.isBefore(now.minus(gap)));
        Head h = s.head();
        return new Coverage(h.id(), h.code(), h.title(), h.priority(), h.status(), byStatus, answers.size(), last,
                waiting, overdue, isGap);
    }

    @Override
    @Transactional
    public CaseStep<Coverage> coverage(Reader reader, String requirementId, Instant now) {
        Optional<Seen> s = seen(reader, requirementId);
        if (s.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        audit(reader, AuditAction.CONSULTATION, s.get().head().id(), "coverage", Map.of());
        return new CaseStep.Done<>(coverageOf(reader, s.get(), now));
    }

    @Override
    @Transactional
    public List<Coverage> overview(Reader reader, Instant now) {
        List<Coverage> all = new ArrayList<>(heads(where(reader, RequirementStatus.ACTIVE), PageRequest.MAX_SIZE, 0)
                .stream().map(s -> coverageOf(reader, s, now)).toList());
        all.sort(Comparator.comparing((Coverage c) -> !c.gap()).thenComparing(c -> -c.priority().ordinal())
                .thenComparing(Coverage::code));
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                all.stream().map(Coverage::requirementId).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "coverage", "gapDays", String.valueOf(gap.toDays()))));
        return all;
    }

    public Duration gap() {
        return gap;
    }

    // ---------------------------------------------------------------------------------------------- escalation

    @Override
    public int escalateOverdue(Instant now) {
        List<String> due = jdbc.sql("""
                SELECT t.id FROM rq_task t JOIN rq_requirement q ON q.id = t.requirement_id
                WHERE t.due_at < :now AND t.status IN (:waiting) AND t.overdue_notified_at IS NULL
                  AND q.status = 'ACTIVE' ORDER BY t.due_at, t.id LIMIT 200""")
                .param("now", Timestamp.from(now)).param("waiting", WAITING).query(String.class).list();
        int escalated = 0;
        for (String taskId : due) {
            Boolean done = transaction.execute(status -> {
                // the claim: of two nodes (or two runs) only one moves the row, and only that one tells anybody
                int claimed = jdbc.sql("UPDATE rq_task SET overdue_notified_at = :now WHERE id = :id"
                                + " AND overdue_notified_at IS NULL AND status IN (:waiting)")
                        .param("now", Timestamp.from(now)).param("id", taskId).param("waiting", WAITING).update();
                if (claimed == 0) {
                    return false;
                }
                CollectionTask t = oneTask(taskId);
                Seen s = reload(t.requirementId());
                Set<String> told = new LinkedHashSet<>(colleagues.members(s.head().owner(), Role.SUPERVISOR));
                told.addAll(colleagues.members(t.organisationId(), Role.SUPERVISOR));
                Severity severity = switch (s.head().priority()) {
                    case LOW, NORMAL -> Severity.MEDIUM;
                    case HIGH, URGENT -> Severity.HIGH;
                };
                for (String user : told) {
                    tell(user, s, "requirement-task-overdue", t.id(), "Collection task overdue since " + t.dueAt()
                            + " (" + s.head().code() + ")", severity);
                }
                audit.record(AuditRecord.of(AuditAction.DISCLOSURE, ESCALATION_ACTOR, s.head().owner(), OBJECT,
                        List.of(s.head().id())).withDetails(Map.of("step", "task-overdue", "task", t.id(),
                        "told", String.valueOf(told.size()))));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                escalated++;
            }
        }
        return escalated;
    }
}
