package org.fusioncell.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.Tlp;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseDraft;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseItem;
import org.fusioncell.cases.CaseKind;
import org.fusioncell.cases.CaseQuery;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.CaseSummary;
import org.fusioncell.cases.CaseTask;
import org.fusioncell.cases.CaseTimeline;
import org.fusioncell.cases.ClosureCondition;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.ItemRef;
import org.fusioncell.cases.TaskDraft;
import org.fusioncell.cases.TimelineEntry;
import org.fusioncell.cases.internal.CaseRows.Head;
import org.fusioncell.cases.internal.CaseRows.Seen;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases on the database. Visibility is the case's marking (through {@link VisibilityFilter} in every list and
 * count, {@link AccessPolicy} on one case) AND participation: the lead organisation or a participating one.
 * Changes to the case itself are optimistic (its version); tasks are in {@link CaseTaskWork}.
 */
@Service
class JdbcCases implements Cases, CaseTimeline {

    private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
    private static final int MAX_PARTICIPANTS = 40;

    private final CaseRows rows;
    private final JdbcClient jdbc;
    private final CaseTaskWork tasks;
    private final CaseItemWork items;
    private final TaskEscalation escalation;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final Organisations organisations;
    private final List<ClosureCondition> closing;

    JdbcCases(CaseRows rows, CaseTaskWork tasks, CaseItemWork items, TaskEscalation escalation,
              ClassificationScheme scheme,
              MarkingVocabulary vocabulary, Organisations organisations, List<ClosureCondition> closing) {
        this.closing = List.copyOf(closing);
        this.rows = rows;
        this.jdbc = rows.jdbc;
        this.tasks = tasks;
        this.items = items;
        this.escalation = escalation;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.organisations = organisations;
    }

    private record Checked(String title, String summary, CaseKind kind, String language) {
    }

    private static Checked check(CaseDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String title = CaseRows.text("title", draft.title(), CaseRows.MAX_TITLE, true);
        String summary = CaseRows.text("summary", draft.summary(), CaseRows.MAX_TEXT, true);
        if (draft.kind() == null || draft.kind().isBlank()) {
            throw new InvalidInputException("kind", "required; one of " + List.of(CaseKind.values()));
        }
        CaseKind kind = CaseKind.parse(draft.kind()).orElseThrow(() -> new InvalidInputException("kind",
                "one of " + List.of(CaseKind.values())));
        String language = draft.language() == null ? "" : draft.language().strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "required; one of ar, fr, en");
        }
        return new Checked(title, summary, kind, language);
    }

    // ---------------------------------------------------------------------------------------------- opening

    @Override
    @Transactional
    public CaseFile open(Reader author, CaseDraft draft) {
        Checked c = check(draft);
        if (draft.marking() == null) {
            throw new InvalidInputException("marking", "required");
        }
        Marking base = draft.marking().toMarking(scheme, vocabulary, author.organisationId(), author.userId(),
                "marking");
        if (base.tlp() == Tlp.RED) {
            throw new InvalidInputException("marking.tlp", "a case is shared with organisations: TLP:RED (named"
                    + " users only) does not apply; use AMBER+STRICT and caveats");
        }
        Decision own = AccessPolicy.decide(author, OBJECT, base);
        if (!own.visible()) {
            throw new InvalidInputException("marking", "you could not read a case marked so (" + own.reason() + ")");
        }
        String id = Ids.newId();
        Instant now = rows.now();
        String baseId = rows.markings.save(base);
        String inForce = rows.markings.save(CaseRows.inForce(base, Set.of(author.organisationId())));
        jdbc.sql("""
                INSERT INTO cases_case (id, title, summary, kind, status, language, lead_organisation_id, created_by,
                    base_marking_id, marking_id, version, created_at, updated_at)
                VALUES (:id, :title, :summary, :kind, 'OPEN', :lang, :org, :user, :base, :marking, 1, :now, :now)""")
                .param("id", id).param("title", c.title()).param("summary", c.summary()).param("kind", c.kind().name())
                .param("lang", c.language()).param("org", author.organisationId()).param("user", author.userId())
                .param("base", baseId).param("marking", inForce).param("now", Timestamp.from(now)).update();
        insertParticipant(id, author.organisationId(), author.userId());
        rows.event(author, id, "case-opened", null, null, null, CaseStatus.OPEN.name(), c.title());
        rows.audit(author, AuditAction.COLLECTION, id, "open", Map.of("kind", c.kind().name()));
        return rows.reload(id).file();
    }

    private void insertParticipant(String caseId, String organisationId, String userId) {
        jdbc.sql("INSERT INTO cases_participant (case_id, organisation_id, added_by, added_at)"
                        + " VALUES (:case, :org, :user, :now)")
                .param("case", caseId).param("org", organisationId).param("user", userId)
                .param("now", Timestamp.from(rows.now())).update();
    }

    // ---------------------------------------------------------------------------------------------- reading

    private record Where(String sql, Map<String, Object> params) {
    }

    /** The reader's participation-and-marking predicate over {@code cases_case c}, with the filters. */
    private static Where where(Reader reader, CaseQuery query) {
        CaseQuery q = query == null ? CaseQuery.all() : query;
        SqlPredicate visible = VisibilityFilter.visible(reader, OBJECT, "c.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("corg", reader.organisationId());
        StringBuilder sql = new StringBuilder(visible.sql()).append(" AND EXISTS (SELECT 1 FROM cases_participant cp"
                + " WHERE cp.case_id = c.id AND cp.organisation_id = :corg)");
        if (q.status() != null) {
            sql.append(" AND c.status = :cstatus");
            params.put("cstatus", q.status().name());
        }
        if (q.kind() != null) {
            sql.append(" AND c.kind = :ckind");
            params.put("ckind", q.kind().name());
        }
        if (q.text() != null && !q.text().isBlank()) {
            int i = 0;
            for (String word : q.text().strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (i == 8) {
                    break;
                }
                String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                sql.append(" AND (LOWER(c.title) LIKE :cw").append(i).append(" ESCAPE '\\' OR LOWER(c.summary) LIKE :cw")
                        .append(i).append(" ESCAPE '\\')");
                params.put("cw" + i++, like);
            }
        }
        return new Where(sql.toString(), params);
    }

    private static final String OBJECT = CaseRows.OBJECT;

    @Override
    @Transactional
    public Page<CaseSummary> list(Reader reader, CaseQuery query, PageRequest page) {
        Where w = where(reader, query);
        long total = jdbc.sql("SELECT COUNT(*) FROM cases_case c WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        List<Head> heads = jdbc.sql("SELECT * FROM cases_case c WHERE " + w.sql()
                        + " ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset())
                .query(CaseRows::head).list();
        Map<String, Marking> marks = rows.markings.findAll(heads.stream().map(Head::markingId).distinct().toList());
        Map<String, Integer> open = new HashMap<>();
        if (!heads.isEmpty()) {
            jdbc.sql("SELECT case_id, COUNT(*) FROM cases_task WHERE case_id IN (:ids) AND status IN ('OPEN',"
                            + " 'IN_PROGRESS') GROUP BY case_id")
                    .param("ids", heads.stream().map(Head::id).toList())
                    .query((rs, n) -> open.put(rs.getString(1), rs.getInt(2))).list();
        }
        List<CaseSummary> items = heads.stream().map(h -> new CaseSummary(h.id(), h.title(), h.kind(), h.status(),
                h.leadOrganisationId(), h.language(), marks.get(h.markingId()).classificationRank(),
                open.getOrDefault(h.id(), 0), h.createdAt(), h.updatedAt())).toList();
        rows.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        items.stream().map(CaseSummary::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, CaseQuery query) {
        Where w = where(reader, query);
        long total = jdbc.sql("SELECT COUNT(*) FROM cases_case c WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        rows.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), OBJECT, List.of())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public CaseAccess find(Reader reader, String caseId) {
        Optional<Head> found = rows.head(caseId);
        if (found.isEmpty()) {
            return new CaseAccess.Unknown();
        }
        Head h = found.get();
        List<CaseFile.Participant> ps = rows.participants(h.id());
        if (ps.stream().noneMatch(p -> p.organisationId().equals(reader.organisationId()))) {
            return new CaseAccess.Unknown();
        }
        Marking marking = rows.markings.find(h.markingId()).orElseThrow();
        Decision d = AccessPolicy.decide(reader, OBJECT, marking);
        return switch (d.visibility()) {
            case HIDDEN -> new CaseAccess.Unknown();
            case EXISTENCE_ONLY -> {
                rows.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                        List.of(h.id())).withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("reason", d.reason())));
                yield new CaseAccess.KnownToExist(h.id(), h.leadOrganisationId(), marking);
            }
            case VISIBLE -> {
                rows.audit(reader, AuditAction.CONSULTATION, h.id(), "open", Map.of());
                yield new CaseAccess.Opened(new Seen(h, marking, ps).file());
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- the case

    @Override
    @Transactional
    public CaseStep<CaseFile> edit(Reader reader, String caseId, int expectedVersion, CaseDraft draft) {
        Optional<Seen> found = rows.seen(reader, caseId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!s.head().leadOrganisationId().equals(reader.organisationId())) {
            return new CaseStep.Refused<>("not-lead", "Only the lead organisation edits the case.");
        }
        Checked c = check(new CaseDraft(draft == null ? null : draft.title(), draft == null ? null : draft.summary(),
                draft == null ? null : draft.kind(), draft == null ? null : draft.language(), null));
        int moved = jdbc.sql("""
                UPDATE cases_case SET title = :title, summary = :summary, kind = :kind, language = :lang,
                    version = version + 1, updated_at = :now WHERE id = :id AND version = :v""")
                .param("title", c.title()).param("summary", c.summary()).param("kind", c.kind().name())
                .param("lang", c.language()).param("now", Timestamp.from(rows.now())).param("id", s.head().id())
                .param("v", expectedVersion).update();
        if (moved == 0) {
            return new CaseStep.Stale<>(s.head().version());
        }
        rows.event(reader, s.head().id(), "case-edited", null, null, null, null, c.title());
        rows.audit(reader, AuditAction.ALTERATION, s.head().id(), "edit", Map.of());
        return new CaseStep.Done<>(rows.reload(s.head().id()).file());
    }

    @Override
    @Transactional
    public CaseStep<CaseFile> changeStatus(Reader reader, String caseId, int expectedVersion, String status,
                                           String reason) {
        Optional<Seen> found = rows.seen(reader, caseId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!rows.leadSupervisor(reader, s.head())) {
            return new CaseStep.Refused<>("not-lead-supervisor", "Only a supervisor of the lead organisation changes"
                    + " the status of the case.");
        }
        if (status == null || status.isBlank()) {
            throw new InvalidInputException("status", "required; one of " + List.of(CaseStatus.values()));
        }
        CaseStatus to = CaseStatus.parse(status).orElseThrow(() -> new InvalidInputException("status",
                "one of " + List.of(CaseStatus.values())));
        String why = CaseRows.text("reason", reason, CaseRows.MAX_REASON, true);
        if (to == s.head().status()) {
            return new CaseStep.WrongState<>(to.name());
        }
        if (to == CaseStatus.CLOSED) {
            for (ClosureCondition condition : closing) {
                Optional<CaseStep.Refused<CaseFile>> refused = condition.refusal(s.head().id(), s.head().kind());
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
        }
        int moved = jdbc.sql("""
                UPDATE cases_case SET status = :status, status_reason = :why, version = version + 1, updated_at = :now
                WHERE id = :id AND version = :v""")
                .param("status", to.name()).param("why", why).param("now", Timestamp.from(rows.now()))
                .param("id", s.head().id()).param("v", expectedVersion).update();
        if (moved == 0) {
            return new CaseStep.Stale<>(s.head().version());
        }
        rows.event(reader, s.head().id(), "status-changed", null, null, s.head().status().name(), to.name(), why);
        rows.audit(reader, AuditAction.ALTERATION, s.head().id(), "status", Map.of("from", s.head().status().name(),
                "to", to.name()));
        for (CaseFile.Participant p : s.participants()) {
            if (!p.organisationId().equals(reader.organisationId())) {
                for (String user : rows.colleagues.members(p.organisationId(), Role.SUPERVISOR)) {
                    rows.tell(user, s, "case-status", Ids.newId(),
                            "The case is now " + to.name() + ": " + why, Severity.LOW);
                }
            }
        }
        return new CaseStep.Done<>(rows.reload(s.head().id()).file());
    }

    @Override
    @Transactional
    public CaseStep<CaseFile> addParticipant(Reader reader, String caseId, int expectedVersion, String organisationId) {
        Optional<Seen> found = rows.seen(reader, caseId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!rows.leadSupervisor(reader, s.head())) {
            return new CaseStep.Refused<>("not-lead-supervisor", "Only a supervisor of the lead organisation adds"
                    + " participating organisations.");
        }
        String org = organisationId == null ? null : organisationId.strip();
        if (org == null || !Ids.isWellFormed(org) || organisations.find(org).isEmpty()) {
            throw new InvalidInputException("organisationId", "no such organisation");
        }
        if (s.participates(org)) {
            throw new InvalidInputException("organisationId", "already participates");
        }
        if (s.participants().size() >= MAX_PARTICIPANTS) {
            throw new InvalidInputException("organisationId", "at most " + MAX_PARTICIPANTS + " organisations");
        }
        Set<String> orgs = s.participants().stream().map(CaseFile.Participant::organisationId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        orgs.add(org);
        Marking base = rows.markings.find(s.head().baseMarkingId()).orElseThrow();
        Marking next = CaseRows.inForce(base, orgs);
        if (rows.colleagues.members(org, null).stream().noneMatch(u -> rows.userSees(u, next))) {
            throw new InvalidInputException("organisationId", "nobody of this organisation is cleared for the case's"
                    + " level and caveats");
        }
        if (!remark(s, expectedVersion, next)) {
            return new CaseStep.Stale<>(s.head().version());
        }
        insertParticipant(s.head().id(), org, reader.userId());
        rows.event(reader, s.head().id(), "participant-added", null, null, null, org, null);
        rows.audit(reader, AuditAction.DISCLOSURE, s.head().id(), "participant-added",
                Map.of("recipientOrganisation", org));
        Seen now = rows.reload(s.head().id());
        for (String user : rows.colleagues.members(org, Role.SUPERVISOR)) {
            rows.tell(user, now, "case-shared", s.head().id(), organisationName(reader.organisationId())
                    + " shared a case with your organisation.", Severity.MEDIUM);
        }
        return new CaseStep.Done<>(now.file());
    }

    @Override
    @Transactional
    public CaseStep<CaseFile> removeParticipant(Reader reader, String caseId, int expectedVersion,
                                                String organisationId, String reason) {
        Optional<Seen> found = rows.seen(reader, caseId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!rows.leadSupervisor(reader, s.head())) {
            return new CaseStep.Refused<>("not-lead-supervisor", "Only a supervisor of the lead organisation removes"
                    + " participating organisations.");
        }
        String org = organisationId == null ? null : organisationId.strip();
        if (org == null || !s.participates(org)) {
            throw new InvalidInputException("organisationId", "not a participating organisation");
        }
        if (org.equals(s.head().leadOrganisationId())) {
            throw new InvalidInputException("organisationId", "the lead organisation stays on its case");
        }
        String why = CaseRows.text("reason", reason, CaseRows.MAX_REASON, true);
        if (tasks.openTasksOf(s.head().id(), org) > 0) {
            return new CaseStep.Refused<>("open-tasks", "The organisation still holds open tasks of the case:"
                    + " reassign or cancel them first.");
        }
        Set<String> orgs = s.participants().stream().map(CaseFile.Participant::organisationId)
                .filter(o -> !o.equals(org)).collect(Collectors.toCollection(LinkedHashSet::new));
        Marking next = CaseRows.inForce(rows.markings.find(s.head().baseMarkingId()).orElseThrow(), orgs);
        if (!remark(s, expectedVersion, next)) {
            return new CaseStep.Stale<>(s.head().version());
        }
        jdbc.sql("DELETE FROM cases_participant WHERE case_id = :case AND organisation_id = :org")
                .param("case", s.head().id()).param("org", org).update();
        rows.event(reader, s.head().id(), "participant-removed", null, null, org, null, why);
        rows.audit(reader, AuditAction.ALTERATION, s.head().id(), "participant-removed", Map.of("organisation", org));
        return new CaseStep.Done<>(rows.reload(s.head().id()).file());
    }

    /** Points the case at a new marking in force, if still at the version the reader edited. */
    private boolean remark(Seen s, int expectedVersion, Marking next) {
        String markingId = rows.markings.save(next);
        return jdbc.sql("UPDATE cases_case SET marking_id = :m, version = version + 1, updated_at = :now"
                        + " WHERE id = :id AND version = :v")
                .param("m", markingId).param("now", Timestamp.from(rows.now())).param("id", s.head().id())
                .param("v", expectedVersion).update() == 1;
    }

    private String organisationName(String id) {
        return organisations.find(id).map(o -> o.name()).orElse(id);
    }

    // ---------------------------------------------------------------------------------------------- items, timeline

    @Override
    @Transactional
    public Optional<List<CaseItem>> items(Reader reader, String caseId) {
        return rows.seen(reader, caseId).map(s -> items.items(reader, s));
    }

    @Override
    @Transactional
    public CaseStep<CaseItem> addItem(Reader reader, String caseId, String itemType, String itemId, String note) {
        return rows.seen(reader, caseId).map(s -> items.add(reader, s, itemType, itemId, note))
                .orElseGet(CaseStep.Unknown::new);
    }

    @Override
    @Transactional
    public CaseStep<String> removeItem(Reader reader, String caseId, String caseItemId, String reason) {
        return rows.seen(reader, caseId).map(s -> items.remove(reader, s, caseItemId, reason))
                .orElseGet(CaseStep.Unknown::new);
    }

    @Override
    @Transactional
    public Optional<List<TimelineEntry>> timeline(Reader reader, String caseId) {
        return rows.seen(reader, caseId).map(s -> items.timeline(reader, s));
    }

    @Override
    @Transactional
    public boolean append(String caseId, String kind, String actorUserId, String actorOrganisationId, ItemRef item,
                          String text) {
        if (rows.head(caseId).isEmpty()) {
            return false;
        }
        rows.event(caseId, kind, actorUserId, actorOrganisationId, item, null, null, null, text);
        rows.touch(caseId);
        return true;
    }

    // ---------------------------------------------------------------------------------------------- tasks

    @Override
    @Transactional
    public Optional<List<CaseTask>> tasks(Reader reader, String caseId) {
        return rows.seen(reader, caseId).map(s -> tasks.all(reader, s));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> task(Reader reader, String caseId, String taskId) {
        return onCase(reader, caseId, s -> tasks.one(reader, s, taskId));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> createTask(Reader reader, String caseId, TaskDraft draft) {
        return onCase(reader, caseId, s -> tasks.create(reader, s, draft));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> assignTask(Reader reader, String caseId, String taskId, String assigneeUserId,
                                         String assigneeOrganisationId) {
        return onCase(reader, caseId, s -> tasks.assign(reader, s, taskId, assigneeUserId, assigneeOrganisationId));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> setDependencies(Reader reader, String caseId, String taskId, List<String> dependsOn) {
        return onCase(reader, caseId, s -> tasks.dependOn(reader, s, taskId, dependsOn));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> startTask(Reader reader, String caseId, String taskId) {
        return onCase(reader, caseId, s -> tasks.start(reader, s, taskId));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> commentTask(Reader reader, String caseId, String taskId, String text) {
        return onCase(reader, caseId, s -> tasks.comment(reader, s, taskId, text));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> completeTask(Reader reader, String caseId, String taskId, String text,
                                           List<ItemRef> evidence) {
        return onCase(reader, caseId, s -> tasks.complete(reader, s, taskId, text, evidence));
    }

    @Override
    @Transactional
    public CaseStep<CaseTask> cancelTask(Reader reader, String caseId, String taskId, String reason) {
        return onCase(reader, caseId, s -> tasks.cancel(reader, s, taskId, reason));
    }

    /** A task step on a case the reader may act on; Unknown for any other, as for an absent case. */
    private CaseStep<CaseTask> onCase(Reader reader, String caseId, Function<Seen, CaseStep<CaseTask>> step) {
        return rows.seen(reader, caseId).map(step).orElseGet(CaseStep.Unknown::new);
    }

    @Override
    public int escalateOverdue(Instant now) {
        return escalation.escalateOverdue(now);
    }
}
