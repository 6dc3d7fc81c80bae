package org.fusioncell.plans.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.plans.Drafts.ActionDraft;
import org.fusioncell.plans.Drafts.AreaDraft;
import org.fusioncell.plans.Drafts.IndicatorDraft;
import org.fusioncell.plans.Drafts.MeasurementDraft;
import org.fusioncell.plans.Drafts.PlanDraft;
import org.fusioncell.plans.PlanAccess;
import org.fusioncell.plans.PlanStatus;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.PlanSummary;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.plans.Plans;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans on the database. Lists and counts filter on the plan's marking in SQL ({@link VisibilityFilter}); one plan
 * is decided by {@link AccessPolicy}. The parts of a plan are written by {@link PlanParts}.
 */
@Service
class JdbcPlans implements Plans {

    private static final String OBJECT = PlanGate.OBJECT;
    private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
    private static final List<String> SCOPES = List.of("NATIONAL", "REGIONAL");
    private static final int MAX_AREAS = 30;

    private final PlanGate gate;
    private final PlanTrees trees;
    private final PlanParts parts;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final PlansSettings settings;

    JdbcPlans(PlanGate gate, PlanTrees trees, PlanParts parts, ClassificationScheme scheme,
              MarkingVocabulary vocabulary, PlansSettings settings) {
        this.gate = gate;
        this.trees = trees;
        this.parts = parts;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.settings = settings;
    }

    @Override
    @Transactional
    public PlanStep<PlanTree> create(Reader author, PlanDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        String title = PlanInput.text("title", draft.title(), 300, true);
        String scope = PlanInput.choice("scope", draft.scope(), SCOPES, "NATIONAL");
        String country = PlanInput.country(draft.country());
        String region = PlanInput.text("region", draft.region(), 200, false);
        if ("REGIONAL".equals(scope) && region == null) {
            throw new InvalidInputException("region", "is required for a regional plan");
        }
        String versionLabel = PlanInput.text("versionLabel", draft.versionLabel(), 40, false);
        String language = draft.language() == null ? "" : draft.language().strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "required; one of ar, fr, en");
        }
        LocalDate start = PlanInput.date("periodStart", draft.periodStart());
        LocalDate end = PlanInput.date("periodEnd", draft.periodEnd());
        if (!end.isAfter(start)) {
            throw new InvalidInputException("periodEnd", "must be after periodStart");
        }
        List<AreaDraft> areas = areas(draft.priorityAreas());
        Marking marking = marking(author, draft.marking());
        if (!gate.coordinator(author, author.organisationId())) {
            // a plan is drafted by the coordinators of its owner organisation, who will keep it
            gate.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(), OBJECT,
                    List.of()).withPurpose(author.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("step", "create", "reason", "not-coordinator")));
            return new PlanStep.Refused<>("not-coordinator", "Plans are written by analysts and supervisors.");
        }
        String id = Ids.newId();
        Timestamp now = Timestamp.from(gate.now());
        gate.jdbc.sql("""
                INSERT INTO plans_plan (id, title, scope, country, region, version_label, status, language,
                    period_start, period_end, owner_organisation_id, created_by, last_changed_by, marking_id, version,
                    created_at, updated_at)
                VALUES (:id, :title, :scope, :country, :region, :vl, 'DRAFTING', :lang, :start, :end, :org, :user,
                    :user, :marking, 1, :now, :now)""")
                .param("id", id).param("title", title).param("scope", scope).param("country", country)
                .param("region", region).param("vl", versionLabel == null ? "1.0" : versionLabel)
                .param("lang", language).param("start", Date.valueOf(start)).param("end", Date.valueOf(end))
                .param("org", author.organisationId()).param("user", author.userId())
                .param("marking", gate.markings.save(marking)).param("now", now).update();
        for (int i = 0; i < areas.size(); i++) {
            AreaDraft a = areas.get(i);
            gate.jdbc.sql("""
                    INSERT INTO plans_area (id, plan_id, code, label_ar, label_fr, label_en, position)
                    VALUES (:id, :plan, :code, :ar, :fr, :en, :pos)""").param("id", Ids.newId()).param("plan", id)
                    .param("code", a.code()).param("ar", a.labelAr()).param("fr", a.labelFr())
                    .param("en", a.labelEn()).param("pos", i).update();
        }
        gate.audit(author, AuditAction.COLLECTION, id, "create", Map.of("areas", String.valueOf(areas.size())));
        return new PlanStep.Done<>(trees.read(gate.header(id).orElseThrow()));
    }

    private Marking marking(Reader author, MarkingForm form) {
        if (form == null) {
            throw new InvalidInputException("marking", "required");
        }
        Marking m = form.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
        if (!PlanGate.visibleTo(author, m)) {
            throw new InvalidInputException("marking", "you could not read a plan marked so");
        }
        return m;
    }

    /** The author's areas, or the configured ones; codes unique, labels in the three languages. */
    private List<AreaDraft> areas(List<AreaDraft> given) {
        if (given == null || given.isEmpty()) {
            return settings.priorityAreas().stream()
                    .map(a -> new AreaDraft(a.code(), a.ar(), a.fr(), a.en())).toList();
        }
        if (given.size() > MAX_AREAS) {
            throw new InvalidInputException("priorityAreas", "at most " + MAX_AREAS);
        }
        Set<String> codes = new java.util.HashSet<>();
        return java.util.stream.IntStream.range(0, given.size()).mapToObj(i -> {
            AreaDraft a = given.get(i);
            String f = "priorityAreas[" + i + "]";
            String code = a == null || a.code() == null ? "" : a.code().strip();
            if (!PlansSettings.CODE.matcher(code).matches() || !codes.add(code)) {
                throw new InvalidInputException(f + ".code", "unique; lower-case letters, digits and '-'");
            }
            return new AreaDraft(code, PlanInput.text(f + ".labelAr", a.labelAr(), 300, true),
                    PlanInput.text(f + ".labelFr", a.labelFr(), 300, true),
                    PlanInput.text(f + ".labelEn", a.labelEn(), 300, true));
        }).toList();
    }

    // ---------------------------------------------------------------------------------------------- reading

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Reader reader, PlanStatus status) {
        SqlPredicate visible = VisibilityFilter.visible(reader, OBJECT, "p.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        String sql = visible.sql();
        if (status != null) {
            sql += " AND p.status = :status";
            params.put("status", status.name());
        }
        return new Where(sql, params);
    }

    @Override
    @Transactional
    public Page<PlanSummary> list(Reader reader, PlanStatus status, PageRequest page) {
        Where w = where(reader, status);
        long total = gate.jdbc.sql("SELECT COUNT(*) FROM plans_plan p WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        record Row(String id, String title, String scope, String country, String region, String versionLabel,
                   PlanStatus status, java.time.LocalDate start, java.time.LocalDate end, String owner,
                   String markingId, java.time.Instant updatedAt) {
        }
        List<Row> rows = gate.jdbc.sql("SELECT p.* FROM plans_plan p WHERE " + w.sql()
                        + " ORDER BY p.updated_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("title"), rs.getString("scope"),
                        rs.getString("country"), rs.getString("region"), rs.getString("version_label"),
                        PlanStatus.valueOf(rs.getString("status")), rs.getDate("period_start").toLocalDate(),
                        rs.getDate("period_end").toLocalDate(), rs.getString("owner_organisation_id"),
                        rs.getString("marking_id"), rs.getTimestamp("updated_at").toInstant())).list();
        // one query for the page's markings, not one per plan
        Map<String, Marking> marks = gate.markings.findAll(rows.stream().map(Row::markingId).distinct().toList());
        List<PlanSummary> items = rows.stream().map(r -> new PlanSummary(r.id(), r.title(), r.scope(), r.country(),
                r.region(), r.versionLabel(), r.status(), r.start(), r.end(), r.owner(), marks.get(r.markingId()),
                r.updatedAt())).toList();
        List<String> ids = rows.stream().map(Row::id).toList();
        gate.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT, ids)
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "list", "page",
                        String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, PlanStatus status) {
        Where w = where(reader, status);
        long total = gate.jdbc.sql("SELECT COUNT(*) FROM plans_plan p WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        gate.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), OBJECT, List.of())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public PlanAccess find(Reader reader, String planId) {
        return open(reader, planId, AuditAction.CONSULTATION, "open");
    }

    @Override
    @Transactional
    public PlanAccess view(Reader reader, String planId, String view) {
        return open(reader, planId, AuditAction.CONSULTATION, view);
    }

    @Override
    @Transactional
    public PlanAccess export(Reader reader, String planId, String format) {
        return open(reader, planId, AuditAction.EXPORT, "export-" + format);
    }

    private PlanAccess open(Reader reader, String planId, AuditAction action, String step) {
        Optional<PlanTree.Header> found = gate.header(planId);
        if (found.isEmpty()) {
            return new PlanAccess.Unknown();
        }
        PlanTree.Header h = found.get();
        Decision d = AccessPolicy.decide(reader, OBJECT, h.marking());
        return switch (d.visibility()) {
            case HIDDEN -> new PlanAccess.Unknown();
            case EXISTENCE_ONLY -> {
                gate.record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT, List.of(h.id()))
                        .withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("reason", d.reason(), "step", step)));
                yield new PlanAccess.KnownToExist(h.id(), h.ownerOrganisationId(), h.marking());
            }
            case VISIBLE -> {
                gate.audit(reader, action, h.id(), step, Map.of());
                yield new PlanAccess.Opened(trees.read(h));
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- changing

    @Override
    @Transactional
    public PlanStep<PlanTree> changeStatus(Reader reader, String planId, int version, String status,
                                           MarkingForm marking) {
        Optional<PlanTree.Header> plan = gate.visible(reader, planId);
        PlanStep<PlanTree> refused = gate.refusal(reader, plan, "status");
        if (refused != null) {
            return refused;
        }
        PlanTree.Header h = plan.get();
        PlanStatus to = PlanStatus.parse(status).orElseThrow(() -> new InvalidInputException("status",
                "one of " + List.of(PlanStatus.values())));
        if (!h.status().next().contains(to)) {
            throw new InvalidInputException("status", "a plan " + h.status() + " may move to " + h.status().next()
                    + ", not to " + to);
        }
        Marking remarked = marking == null ? null : marking(reader, marking);
        if (h.version() != version) {
            return new PlanStep.Stale<>(h.version());
        }
        if (to.needsSecondSupervisor()) {
            if (!gate.supervisor(reader, h.ownerOrganisationId())) {
                gate.refused(reader, h.id(), "status", "not-supervisor");
                return new PlanStep.Refused<>("not-supervisor", "A supervisor of the owner organisation "
                        + (to == PlanStatus.VALIDATED ? "validates" : "adopts") + " a plan.");
            }
            if (reader.userId().equals(h.lastChangedBy())) {
                gate.refused(reader, h.id(), "status", "four-eyes");
                return new PlanStep.Refused<>("four-eyes", "Another person than the author of the plan's last"
                        + " change takes this step.");
            }
        }
        int updated = gate.jdbc.sql("""
                UPDATE plans_plan SET status = :status, marking_id = COALESCE(:marking, marking_id),
                    version = version + 1, last_changed_by = :user, updated_at = :now
                WHERE id = :id AND version = :version""")
                .param("status", to.name()).param("marking", remarked == null ? null : gate.markings.save(remarked))
                .param("user", reader.userId()).param("now", Timestamp.from(gate.now())).param("id", h.id())
                .param("version", version).update();
        if (updated == 0) {
            return new PlanStep.Stale<>(gate.header(h.id()).map(PlanTree.Header::version).orElse(version));
        }
        gate.audit(reader, AuditAction.ALTERATION, h.id(), "status", Map.of("from", h.status().name(),
                "to", to.name(), "remarked", String.valueOf(remarked != null)));
        return new PlanStep.Done<>(trees.read(gate.header(h.id()).orElseThrow()));
    }

    @Override
    @Transactional
    public PlanStep<String> addObjective(Reader reader, String planId, String areaCode, String title) {
        return parts.objective(reader, planId, areaCode, title);
    }

    @Override
    @Transactional
    public PlanStep<String> addOutput(Reader reader, String planId, String objectiveId, String title) {
        return parts.output(reader, planId, objectiveId, title);
    }

    @Override
    @Transactional
    public PlanStep<String> addAction(Reader reader, String planId, ActionDraft draft) {
        return parts.action(reader, planId, draft);
    }

    @Override
    @Transactional
    public PlanStep<String> addIndicator(Reader reader, String planId, IndicatorDraft draft) {
        return parts.indicator(reader, planId, draft);
    }

    @Override
    @Transactional
    public PlanStep<String> addMeasurement(Reader reader, String planId, String indicatorId, MeasurementDraft draft) {
        return parts.measurement(reader, planId, indicatorId, draft);
    }
}
