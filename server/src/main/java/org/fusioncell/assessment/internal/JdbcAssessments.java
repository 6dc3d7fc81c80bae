package org.fusioncell.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingDominance;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentAccess;
import org.fusioncell.assessment.AssessmentDraft;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.AssessmentSummary;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Receipt;
import org.fusioncell.assessment.ReceivedProduct;
import org.fusioncell.assessment.ReviewComment;
import org.fusioncell.assessment.Step;
import org.fusioncell.assessment.Subject;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.monitoring.WatchDraft;
import org.fusioncell.monitoring.Watches;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Products in the database: the head row (state, current version, marking) and every version's content.
 * Visibility is the access policy on the product's marking, gated by the workflow: until it is
 * disseminated a product is seen only inside its authoring organisation (and by the originators a
 * sanitised version awaits). Lists and counts carry that as SQL, never as a filter after the page.
 */
@Service
class JdbcAssessments implements Assessments {

    static final String EVIDENCE_JUSTIFICATION = "cited as evidence in a threat assessment";
    private static final String RELEASED_STATES = "('DISSEMINATED', 'SUPERSEDED', 'WITHDRAWN')";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Markings markings;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary markingVocabulary;
    private final DraftReading reading;
    private final Reports reports;
    private final Entities entities;
    private final Readers readers;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final Notices notices;
    private final Watches watches;
    private final ThreatLevelRecords levels;
    private final AuditLog audit;
    private final Clock clock;

    JdbcAssessments(JdbcClient jdbc, JsonMapper json, Markings markings, ClassificationScheme scheme,
                    MarkingVocabulary markingVocabulary, org.fusioncell.assessment.AssessmentVocabulary vocabulary,
                    org.fusioncell.intake.Taxonomies taxonomies, Reports reports, Entities entities, Readers readers,
                    Colleagues colleagues, Organisations organisations, Notices notices, Watches watches,
                    ThreatLevelRecords levels, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.markings = markings;
        this.scheme = scheme;
        this.markingVocabulary = markingVocabulary;
        this.reading = new DraftReading(vocabulary, scheme, taxonomies);
        this.reports = reports;
        this.entities = entities;
        this.readers = readers;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.notices = notices;
        this.watches = watches;
        this.levels = levels;
        this.audit = audit;
        this.clock = clock;
    }

    /** The head row of a product. */
    record Head(String id, ProductType productType, AssessmentState state, int version, String markingId,
                String authorUserId, String organisationId, String approvedBy, Instant approvedAt,
                Instant disseminatedAt, String withdrawalReason, String supersedes, String supersededBy,
                String sanitisedFrom, Instant createdAt, Instant updatedAt) {
    }

    // ---------------------------------------------------------------- writing

    @Override
    @Transactional
    public Assessment draft(Reader author, AssessmentDraft draft) {
        requireWriter(author);
        Written w = written(author, draft, null);
        String supersedes = supersedes(author, draft.supersedes());
        String id = Ids.newId();
        Instant now = now();
        jdbc.sql("""
                INSERT INTO assessment_product (id, product_type, state, current_version, title, language, subject_type,
                    subject_reference, subject_label, threat_level, marking_id, author_user_id, organisation_id,
                    supersedes, created_at, updated_at)
                VALUES (:id, :type, 'DRAFT', 1, :title, :language, :subjectType, :subjectRef, :subjectLabel, :level,
                    :marking, :author, :org, :supersedes, :now, :now)""")
                .param("id", id).param("type", w.content().productType().name()).param("title", w.content().title())
                .param("language", w.content().language()).param("subjectType", w.content().subject().type().name())
                .param("subjectRef", w.content().subject().reference()).param("subjectLabel", w.content().subject().label())
                .param("level", w.content().threatLevel()).param("marking", w.markingId())
                .param("author", author.userId()).param("org", author.organisationId()).param("supersedes", supersedes)
                .param("now", Timestamp.from(now)).update();
        storeVersion(id, 1, w, author, now);
        step(id, 1, "DRAFTED", author, null, now);
        audit.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(author.purpose()).withDetails(Map.of("evidence",
                String.valueOf(w.content().evidence().size()))));
        return assemble(head(id).orElseThrow(), author);
    }

    @Override
    @Transactional
    public Step revise(Reader reader, String id, int expectedVersion, AssessmentDraft draft) {
        Optional<Head> found = visibleHead(reader, id);
        if (found.isEmpty() || !reader.organisationId().equals(found.get().organisationId())) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (!isWriter(reader)) {
            return new Step.Refused("not-analyst", "only analysts and supervisors of the authoring organisation write products");
        }
        if (!h.state().editable()) {
            return new Step.WrongState(h.state());
        }
        if (h.version() != expectedVersion) {
            return new Step.Stale(h.version());
        }
        Written w = written(reader, draft, h.sanitisedFrom());
        if (w.content().productType() != h.productType()) {
            throw new InvalidInputException("productType", "stays " + h.productType() + " across versions");
        }
        Instant now = now();
        int next = h.version() + 1;
        int changed = jdbc.sql("""
                UPDATE assessment_product SET current_version = :next, title = :title, language = :language,
                    subject_type = :subjectType, subject_reference = :subjectRef, subject_label = :subjectLabel,
                    threat_level = :level, marking_id = :marking, updated_at = :now
                WHERE id = :id AND current_version = :expected""")
                .param("next", next).param("title", w.content().title()).param("language", w.content().language())
                .param("subjectType", w.content().subject().type().name())
                .param("subjectRef", w.content().subject().reference())
                .param("subjectLabel", w.content().subject().label()).param("level", w.content().threatLevel())
                .param("marking", w.markingId()).param("now", Timestamp.from(now)).param("id", id)
                .param("expected", expectedVersion).update();
        if (changed == 0) {
            return new Step.Stale(head(id).map(Head::version).orElse(expectedVersion));
        }
        storeVersion(id, next, w, reader, now);
        if (h.sanitisedFrom() != null) {
            // the text changed: every originator must look again
            jdbc.sql("DELETE FROM assessment_originator_approval WHERE assessment_id = :id").param("id", id).update();
            requireOriginators(id, h.sanitisedFrom(), w);
        }
        step(id, next, "REVISED", reader, null, now);
        audit.record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("version", String.valueOf(next))));
        return new Step.Done(assemble(head(id).orElseThrow(), reader));
    }

    /** A draft checked and its marking stored; evidence must be visible to the writer and, unless sanitised, dominated. */
    private record Written(Content content, Marking marking, String markingId, Map<EvidenceLink, Marking> evidence) {
    }

    private Written written(Reader author, AssessmentDraft draft, String sanitisedFrom) {
        DraftReading.type(draft);
        if (draft.marking() == null) {
            throw new InvalidInputException("marking", "required");
        }
        Marking marking = draft.marking().toMarking(scheme, markingVocabulary, author.organisationId(), author.userId(),
                "marking");
        Content content = reading.read(draft, marking.classificationRank());
        if (content.subject().type() == SubjectType.GROUP || content.subject().type() == SubjectType.ENTITY) {
            if (!(entities.open(author, content.subject().reference()) instanceof EntityAccess.Opened)) {
                throw new InvalidInputException("subject.reference",
                        "no entity you may see has this id: you may cite only what you may see");
            }
        }
        Map<EvidenceLink, Marking> cited = new LinkedHashMap<>();
        for (int i = 0; i < content.evidence().size(); i++) {
            EvidenceLink e = content.evidence().get(i);
            Marking m = citable(author, e).orElseThrow(() -> new InvalidInputException("evidence[" + cited.size() + "]",
                    "you may not cite this item: it does not exist or you may not see it"));
            if (sanitisedFrom == null) {
                int index = i;
                MarkingDominance.shortfall(marking, m, scheme).ifPresent(why -> {
                    throw new InvalidInputException("marking", "below the marking of evidence[" + index + "] ("
                            + e.type() + " " + e.itemId() + "): " + why);
                });
            }
            cited.put(e, m);
        }
        return new Written(content, marking, markings.save(marking), cited);
    }

    /** The marking of an item the reader may see, or empty: hidden, existence-only and absent are alike. */
    private Optional<Marking> citable(Reader reader, EvidenceLink e) {
        return switch (e.type()) {
            case REPORT -> reports.open(reader, e.itemId(), EVIDENCE_JUSTIFICATION) instanceof ReportAccess.Opened o
                    ? Optional.of(o.report().marking()) : Optional.empty();
            case ENTITY -> entities.open(reader, e.itemId()) instanceof EntityAccess.Opened o
                    ? Optional.of(o.entity().marking()) : Optional.empty();
        };
    }

    private String supersedes(Reader author, String supersedes) {
        if (supersedes == null || supersedes.isBlank()) {
            return null;
        }
        Head old = visibleHead(author, supersedes.strip()).filter(h -> h.organisationId().equals(author.organisationId()))
                .orElseThrow(() -> new InvalidInputException("supersedes", "no product of your organisation has this id"));
        if (old.state() != AssessmentState.DISSEMINATED) {
            throw new InvalidInputException("supersedes", "only a disseminated product can be superseded (it is "
                    + old.state() + ")");
        }
        return old.id();
    }

    private void storeVersion(String id, int version, Written w, Reader by, Instant now) {
        jdbc.sql("""
                INSERT INTO assessment_version (assessment_id, version, content, marking_id, written_by, written_at)
                VALUES (:id, :version, :content, :marking, :by, :now)""")
                .param("id", id).param("version", version).param("content", json.writeValueAsString(w.content()))
                .param("marking", w.markingId()).param("by", by.userId()).param("now", Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO assessment_contributor (assessment_id, user_id) VALUES (:id, :user) ON CONFLICT DO NOTHING")
                .param("id", id).param("user", by.userId()).update();
    }

    private void step(String id, int version, String step, Reader by, String note, Instant at) {
        jdbc.sql("""
                INSERT INTO assessment_step (id, assessment_id, version, step, actor_user_id, note, at)
                VALUES (:sid, :id, :version, :step, :by, :note, :at)""")
                .param("sid", Ids.newId()).param("id", id).param("version", version).param("step", step)
                .param("by", by.userId()).param("note", note).param("at", Timestamp.from(at)).update();
    }

    // ---------------------------------------------------------------- reading

    private SqlPredicate visibility(Reader reader, String alias) {
        SqlPredicate marking = VisibilityFilter.visible(reader, INFORMATION_TYPE, alias + ".marking_id");
        String sql = marking.sql() + " AND (" + alias + ".state IN " + RELEASED_STATES + " OR " + alias
                + ".organisation_id = :acc_org OR EXISTS (SELECT 1 FROM assessment_originator_approval o"
                + " WHERE o.assessment_id = " + alias + ".id AND o.organisation_id = :acc_org))";
        Map<String, Object> params = new HashMap<>(marking.params());
        params.put("acc_org", reader.organisationId());
        return new SqlPredicate(sql, params);
    }

    @Override
    @Transactional
    public Page<AssessmentSummary> list(Reader reader, AssessmentState state, ProductType type, PageRequest page) {
        Filter f = filter(reader, state, type);
        long total = f.bind(jdbc.sql("SELECT COUNT(*) FROM assessment_product a WHERE " + f.sql)).query(Long.class).single();
        List<AssessmentSummary> items = f.bind(jdbc.sql("SELECT a.*, m.classification_rank, m.tlp FROM assessment_product a"
                        + " JOIN access_marking m ON m.id = a.marking_id WHERE " + f.sql
                        + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset"))
                .param("limit", page.size()).param("offset", page.offset()).query(this::summary).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                items.stream().map(AssessmentSummary::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, AssessmentState state, ProductType type) {
        Filter f = filter(reader, state, type);
        long total = f.bind(jdbc.sql("SELECT COUNT(*) FROM assessment_product a WHERE " + f.sql)).query(Long.class).single();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of()).withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    private record Filter(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    private Filter filter(Reader reader, AssessmentState state, ProductType type) {
        SqlPredicate visible = visibility(reader, "a");
        StringBuilder sql = new StringBuilder(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        if (state != null) {
            sql.append(" AND a.state = :state");
            params.put("state", state.name());
        }
        if (type != null) {
            sql.append(" AND a.product_type = :type");
            params.put("type", type.name());
        }
        return new Filter(sql.toString(), params);
    }

    private AssessmentSummary summary(ResultSet rs, int n) throws SQLException {
        return new AssessmentSummary(rs.getString("id"), rs.getInt("current_version"),
                AssessmentState.valueOf(rs.getString("state")), ProductType.valueOf(rs.getString("product_type")),
                rs.getString("language"), rs.getString("title"), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_label") != null ? rs.getString("subject_label") : rs.getString("subject_reference"),
                rs.getString("threat_level"), scheme.level(rs.getInt("classification_rank")),
                org.fusioncell.access.Tlp.valueOf(rs.getString("tlp")).label(), rs.getString("organisation_id"),
                rs.getString("author_user_id"), instant(rs, "updated_at"));
    }

    @Override
    @Transactional
    public AssessmentAccess open(Reader reader, String id) {
        Optional<Head> found = head(id);
        if (found.isEmpty()) {
            return new AssessmentAccess.Unknown();
        }
        Head h = found.get();
        Marking marking = markings.find(h.markingId()).orElseThrow();
        boolean inScope = h.state().released() || h.organisationId().equals(reader.organisationId())
                || awaitsOriginator(h.id(), reader.organisationId());
        Decision decision = AccessPolicy.decide(reader, INFORMATION_TYPE, marking);
        if (!inScope || decision.visibility() == Decision.Visibility.HIDDEN) {
            return new AssessmentAccess.Unknown();
        }
        if (decision.visibility() == Decision.Visibility.EXISTENCE_ONLY) {
            audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                    INFORMATION_TYPE, List.of(id)).withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY"));
            return new AssessmentAccess.KnownToExist(id, marking.ownerOrganisation(), marking, decision.reason());
        }
        Instant now = now();
        int read = jdbc.sql("UPDATE assessment_receipt SET read_at = :now WHERE assessment_id = :id"
                        + " AND recipient_user_id = :user AND read_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", id).param("user", reader.userId()).update();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(read == 1 ? Map.of("receipt", "read") : Map.of()));
        return new AssessmentAccess.Opened(assemble(h, reader));
    }

    private boolean awaitsOriginator(String id, String organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_originator_approval WHERE assessment_id = :id"
                        + " AND organisation_id = :org").param("id", id).param("org", organisationId)
                .query(Long.class).single() > 0;
    }

    /** The head if the reader may see the product (VISIBLE and in the workflow's scope); no audit. */
    private Optional<Head> visibleHead(Reader reader, String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        SqlPredicate visible = visibility(reader, "a");
        var spec = jdbc.sql("SELECT a.* FROM assessment_product a WHERE a.id = :id AND " + visible.sql()).param("id", id);
        visible.params().forEach(spec::param);
        return spec.query(JdbcAssessments::headRow).optional();
    }

    private Optional<Head> head(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM assessment_product WHERE id = :id").param("id", id)
                .query(JdbcAssessments::headRow).optional();
    }

    @Override
    @Transactional
    public Optional<List<Assessment>> versions(Reader reader, String id) {
        Optional<Head> found = visibleHead(reader, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Head h = found.get();
        record Stored(int version, String content, String markingId) {
        }
        List<Stored> stored = jdbc.sql("SELECT version, content, marking_id FROM assessment_version"
                        + " WHERE assessment_id = :id ORDER BY version")
                .param("id", id).query((rs, n) -> new Stored(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        List<Assessment> out = new ArrayList<>();
        List<String> contributors = contributors(id);
        for (Stored s : stored) {
            Marking m = markings.find(s.markingId()).orElseThrow();
            if (AccessPolicy.decide(reader, INFORMATION_TYPE, m).visible()) {
                out.add(assemble(h, s.version(), content(s.content()), m, contributors, Map.of()));
            }
        }
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("view", "versions")));
        return Optional.of(List.copyOf(out));
    }

    Assessment assemble(Head h, Reader reader) {
        String stored = jdbc.sql("SELECT content FROM assessment_version WHERE assessment_id = :id AND version = :v")
                .param("id", h.id()).param("v", h.version()).query(String.class).single();
        Map<Integer, String> watched = new HashMap<>();
        jdbc.sql("SELECT indicator_index, watch_id FROM assessment_indicator_watch WHERE assessment_id = :id AND user_id = :u")
                .param("id", h.id()).param("u", reader.userId())
                .query((rs, n) -> watched.put(rs.getInt(1), rs.getString(2))).list();
        return assemble(h, h.version(), content(stored), markings.find(h.markingId()).orElseThrow(), contributors(h.id()),
                watched);
    }

    private Assessment assemble(Head h, int version, Content c, Marking marking, List<String> contributors,
                                Map<Integer, String> watched) {
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < c.indicators().size(); i++) {
            indicators.add(new Indicator(c.indicators().get(i).text(), watched.get(i)));
        }
        return new Assessment(h.id(), version, h.state(), c.productType(), c.language(), c.title(), c.subject(),
                c.summary(), c.keyJudgments(), c.likelihood(), c.impact(), c.threatLevel(), c.confidence(),
                c.confidenceReasons(), c.evidence(), c.assumptions(), List.copyOf(indicators), c.validFrom(),
                c.validUntil(), c.reviewBy(), c.publicSummary(), marking, h.authorUserId(), h.organisationId(),
                contributors, h.approvedBy(), h.approvedAt(), h.disseminatedAt(), h.withdrawalReason(), h.supersedes(),
                h.supersededBy(), h.sanitisedFrom(), h.createdAt(), h.updatedAt());
    }

    private Content content(String stored) {
        return json.readValue(stored, Content.class);
    }

    private List<String> contributors(String id) {
        return jdbc.sql("SELECT user_id FROM assessment_contributor WHERE assessment_id = :id ORDER BY user_id")
                .param("id", id).query(String.class).list();
    }

    // ---------------------------------------------------------------- workflow

    @Override
    @Transactional
    public Step submit(Reader reader, String id) {
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (!isWriter(reader)) {
            return new Step.Refused("not-analyst", "only analysts and supervisors of the authoring organisation submit");
        }
        if (h.state() != AssessmentState.DRAFT) {
            return new Step.WrongState(h.state());
        }
        return move(h, AssessmentState.IN_REVIEW, "SUBMITTED", reader, null, "state = 'DRAFT'");
    }

    @Override
    @Transactional
    public Step comment(Reader reader, String id, String text, String portion) {
        String body = DraftReading.text("text", text, 4000, true);
        String where = DraftReading.text("portion", portion, 100, false);
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (!isWriter(reader)) {
            return new Step.Refused("not-analyst", "peer reviewers are analysts or supervisors of the authoring organisation");
        }
        if (!h.state().editable()) {
            return new Step.WrongState(h.state());
        }
        Instant now = now();
        String commentId = Ids.newId();
        jdbc.sql("""
                INSERT INTO assessment_comment (id, assessment_id, version, author_user_id, text, portion, created_at)
                VALUES (:cid, :id, :version, :by, :text, :portion, :now)""")
                .param("cid", commentId).param("id", id).param("version", h.version()).param("by", reader.userId())
                .param("text", body).param("portion", where).param("now", Timestamp.from(now)).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("comment", commentId)));
        return new Step.Done(assemble(h, reader));
    }

    @Override
    @Transactional
    public Optional<List<ReviewComment>> comments(Reader reader, String id) {
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<ReviewComment> list = jdbc.sql("SELECT * FROM assessment_comment WHERE assessment_id = :id"
                        + " ORDER BY created_at, id").param("id", id)
                .query((rs, n) -> new ReviewComment(rs.getString("id"), rs.getString("assessment_id"),
                        rs.getInt("version"), rs.getString("author_user_id"), rs.getString("text"),
                        rs.getString("portion"), instant(rs, "created_at"))).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("view", "comments")));
        return Optional.of(list);
    }

    @Override
    @Transactional
    public Step sendBack(Reader reader, String id, String reason) {
        String why = DraftReading.text("reason", reason, 2000, true);
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (!isWriter(reader)) {
            return new Step.Refused("not-analyst", "only analysts and supervisors of the authoring organisation send back");
        }
        if (h.state() != AssessmentState.IN_REVIEW) {
            return new Step.WrongState(h.state());
        }
        return move(h, AssessmentState.DRAFT, "SENT_BACK", reader, why, "state = 'IN_REVIEW'");
    }

    @Override
    @Transactional
    public Step approve(Reader reader, String id, String note) {
        String why = DraftReading.text("note", note, 2000, false);
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (h.state() != AssessmentState.IN_REVIEW) {
            return new Step.WrongState(h.state());
        }
        if (!isSupervisor(reader)) {
            return new Step.Refused("not-supervisor", "a product is approved by a supervisor of the authoring organisation");
        }
        List<String> contributors = contributors(id);
        if (contributors.contains(reader.userId())) {
            return new Step.Refused("four-eyes", "you wrote a version of this product: another supervisor must approve it",
                    List.of(reader.userId()));
        }
        long reviews = jdbc.sql("SELECT COUNT(*) FROM assessment_comment WHERE assessment_id = :id"
                        + " AND author_user_id NOT IN (:contributors)").param("id", id).param("contributors", contributors)
                .query(Long.class).single();
        if (reviews == 0) {
            return new Step.Refused("no-peer-review",
                    "nobody but its writers has commented on this product: it needs a peer review first");
        }
        List<String> pending = pendingOriginatorIds(id);
        if (!pending.isEmpty()) {
            return new Step.Refused("originator-approval-pending",
                    "the organisations whose evidence this sanitised version no longer covers have not all approved it",
                    pending);
        }
        Instant now = now();
        jdbc.sql("UPDATE assessment_product SET approved_by = :by, approved_at = :now WHERE id = :id")
                .param("by", reader.userId()).param("now", Timestamp.from(now)).param("id", id).update();
        return move(h, AssessmentState.APPROVED, "APPROVED", reader, why, "state = 'IN_REVIEW'");
    }

    @Override
    @Transactional
    public Step disseminate(Reader reader, String id, List<String> userIds, List<String> organisationIds) {
        List<String> users = ids("userIds", userIds);
        List<String> orgs = ids("organisationIds", organisationIds);
        if (users.isEmpty() && orgs.isEmpty()) {
            throw new InvalidInputException("recipients", "name at least one user or organisation");
        }
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (h.state() != AssessmentState.APPROVED && h.state() != AssessmentState.DISSEMINATED) {
            return new Step.WrongState(h.state());
        }
        if (!isSupervisor(reader)) {
            return new Step.Refused("not-supervisor", "a supervisor of the authoring organisation disseminates");
        }
        Marking marking = markings.find(h.markingId()).orElseThrow();
        // named users: each must be allowed to see the product, or nothing is delivered
        Map<String, Reader> recipients = new LinkedHashMap<>();
        for (String userId : users) {
            Optional<Reader> r = reader(userId);
            if (r.isEmpty()) {
                return new Step.Refused("no-recipient", "no active user has this id", List.of(userId));
            }
            Decision d = AccessPolicy.decide(r.get(), INFORMATION_TYPE, marking);
            if (!d.visible()) {
                return refusal(d, userId);
            }
            recipients.put(userId, r.get());
        }
        for (String org : orgs) {
            if (organisations.find(org).isEmpty()) {
                return new Step.Refused("no-recipient", "no organisation has this id", List.of(org));
            }
            List<String> refused = new ArrayList<>();
            int before = recipients.size();
            for (String member : colleagues.members(org, null)) {
                Optional<Reader> r = reader(member);
                if (r.isPresent() && AccessPolicy.decide(r.get(), INFORMATION_TYPE, marking).visible()) {
                    recipients.putIfAbsent(member, r.get());
                } else {
                    refused.add(member);
                }
            }
            if (recipients.size() == before && !refused.isEmpty()) {
                return new Step.Refused("outside-marking", "nobody in this organisation may see the product as marked",
                        List.of(org));
            }
        }
        Instant now = now();
        List<String> delivered = new ArrayList<>();
        for (Reader r : recipients.values()) {
            int added = jdbc.sql("""
                    INSERT INTO assessment_receipt (assessment_id, recipient_user_id, recipient_organisation_id, version,
                        delivered_at, delivered_by)
                    VALUES (:id, :user, :org, :version, :now, :by) ON CONFLICT DO NOTHING""")
                    .param("id", id).param("user", r.userId()).param("org", r.organisationId()).param("version", h.version())
                    .param("now", Timestamp.from(now)).param("by", reader.userId()).update();
            if (added == 1) {
                delivered.add(r.userId());
            }
        }
        Assessment product = assemble(h, reader);
        boolean first = h.state() == AssessmentState.APPROVED;
        if (first) {
            jdbc.sql("UPDATE assessment_product SET state = 'DISSEMINATED', disseminated_at = :now, updated_at = :now"
                    + " WHERE id = :id").param("now", Timestamp.from(now)).param("id", id).update();
            if ((product.subject().type() == SubjectType.AREA || product.subject().type() == SubjectType.SECTOR)
                    && product.threatLevel() != null) {
                levels.set(product, h.markingId(), reader, now);
            }
            if (h.supersedes() != null) {
                supersede(h.supersedes(), id, reader, now);
            }
        }
        step(id, h.version(), "DISSEMINATED", reader, delivered.size() + " recipient(s)", now);
        for (String userId : delivered) {
            notices.tell(userId, new Notices.Notice(id, product.title(), "assessment", id, h.organisationId(),
                    product.title(), "A product was disseminated to you: " + product.productType().slug()
                    + (product.threatLevel() == null ? "" : ", threat level " + product.threatLevel()) + ".",
                    severity(product.threatLevel()), "/assessments/" + id));
        }
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("recipients", String.join(",", delivered),
                "version", String.valueOf(h.version()))));
        return new Step.Done(assemble(head(id).orElseThrow(), reader));
    }

    private Step refusal(Decision d, String userId) {
        String reason = d.reason();
        if (reason.contains("clearance")) {
            return new Step.Refused("above-clearance", "the product is marked above this recipient's clearance",
                    List.of(userId));
        }
        if (reason.contains("caveat")) {
            return new Step.Refused("above-clearance", "this recipient does not hold every handling caveat of the product",
                    List.of(userId));
        }
        return new Step.Refused("outside-marking", "this recipient is outside the product's releasability",
                List.of(userId));
    }

    private void supersede(String oldId, String newId, Reader by, Instant now) {
        int changed = jdbc.sql("UPDATE assessment_product SET state = 'SUPERSEDED', superseded_by = :new, updated_at = :now"
                        + " WHERE id = :old AND state = 'DISSEMINATED'")
                .param("new", newId).param("now", Timestamp.from(now)).param("old", oldId).update();
        if (changed == 0) {
            return;
        }
        Head old = head(oldId).orElseThrow();
        step(oldId, old.version(), "SUPERSEDED", by, newId, now);
        tellRecipients(old, "assessment-superseded", "Superseded by a newer product", now);
    }

    @Override
    @Transactional
    public Step withdraw(Reader reader, String id, String reason) {
        String why = DraftReading.text("reason", reason, 2000, true);
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (h.state() != AssessmentState.APPROVED && h.state() != AssessmentState.DISSEMINATED) {
            return new Step.WrongState(h.state());
        }
        if (!isSupervisor(reader)) {
            return new Step.Refused("not-supervisor", "a supervisor of the authoring organisation withdraws a product");
        }
        Instant now = now();
        jdbc.sql("UPDATE assessment_product SET state = 'WITHDRAWN', withdrawal_reason = :why, updated_at = :now"
                + " WHERE id = :id").param("why", why).param("now", Timestamp.from(now)).param("id", id).update();
        levels.withdraw(id, now);
        step(id, h.version(), "WITHDRAWN", reader, why, now);
        int told = tellRecipients(head(id).orElseThrow(), "assessment-withdrawn", "Withdrawn: " + why, now);
        audit.record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withOutcome("WITHDRAWN")
                .withDetails(Map.of("recipientsTold", String.valueOf(told))));
        return new Step.Done(assemble(head(id).orElseThrow(), reader));
    }

    /**
     * Tells every recipient of the product; one who may no longer see it learns only that a product they
     * received changed, not its title. Returns how many were told.
     */
    private int tellRecipients(Head h, String kind, String why, Instant now) {
        Marking marking = markings.find(h.markingId()).orElseThrow();
        String title = jdbc.sql("SELECT title FROM assessment_product WHERE id = :id").param("id", h.id())
                .query(String.class).single();
        List<String> recipients = jdbc.sql("SELECT recipient_user_id FROM assessment_receipt WHERE assessment_id = :id")
                .param("id", h.id()).query(String.class).list();
        int told = 0;
        for (String userId : recipients) {
            Optional<Reader> r = reader(userId);
            boolean sees = r.isPresent() && AccessPolicy.decide(r.get(), INFORMATION_TYPE, marking).visible();
            boolean added = notices.tell(userId, new Notices.Notice(h.id(), sees ? title : "Product", kind, h.id(),
                    h.organisationId(), sees ? title : "A product you received has changed", sees ? why : null,
                    Severity.HIGH, "/assessments/" + h.id()));
            jdbc.sql("UPDATE assessment_receipt SET withdrawn_notice_at = :now WHERE assessment_id = :id"
                            + " AND recipient_user_id = :user").param("now", Timestamp.from(now)).param("id", h.id())
                    .param("user", userId).update();
            told += added ? 1 : 0;
        }
        return told;
    }

    // ---------------------------------------------------------------- sanitisation

    @Override
    @Transactional
    public Step sanitise(Reader reader, String originalId, AssessmentDraft draft) {
        Optional<Head> found = ownOrganisation(reader, originalId);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head original = found.get();
        if (!isWriter(reader)) {
            return new Step.Refused("not-analyst", "only analysts and supervisors of the authoring organisation sanitise");
        }
        if (original.state() != AssessmentState.APPROVED && original.state() != AssessmentState.DISSEMINATED) {
            return new Step.WrongState(original.state());
        }
        Marking originalMarking = markings.find(original.markingId()).orElseThrow();
        Written w = written(reader, draft, originalId);
        if (w.content().productType() != original.productType()) {
            throw new InvalidInputException("productType", "a sanitised version keeps the original's type ("
                    + original.productType() + ")");
        }
        if (!MarkingDominance.dominates(originalMarking, w.marking(), scheme) || originalMarking.equals(w.marking())) {
            throw new InvalidInputException("marking", "a sanitised version is marked below its original");
        }
        String id = Ids.newId();
        Instant now = now();
        jdbc.sql("""
                INSERT INTO assessment_product (id, product_type, state, current_version, title, language, subject_type,
                    subject_reference, subject_label, threat_level, marking_id, author_user_id, organisation_id,
                    sanitised_from, created_at, updated_at)
                VALUES (:id, :type, 'DRAFT', 1, :title, :language, :subjectType, :subjectRef, :subjectLabel, :level,
                    :marking, :author, :org, :original, :now, :now)""")
                .param("id", id).param("type", original.productType().name()).param("title", w.content().title())
                .param("language", w.content().language()).param("subjectType", w.content().subject().type().name())
                .param("subjectRef", w.content().subject().reference()).param("subjectLabel", w.content().subject().label())
                .param("level", w.content().threatLevel()).param("marking", w.markingId())
                .param("author", reader.userId()).param("org", reader.organisationId()).param("original", originalId)
                .param("now", Timestamp.from(now)).update();
        storeVersion(id, 1, w, reader, now);
        // the original's writers count as writers of the sanitised text too: none of them approves it
        jdbc.sql("INSERT INTO assessment_contributor (assessment_id, user_id) SELECT :id, user_id FROM assessment_contributor"
                + " WHERE assessment_id = :original AND user_id <> :me").param("id", id).param("original", originalId)
                .param("me", reader.userId()).update();
        requireOriginators(id, originalId, w);
        step(id, 1, "SANITISED", reader, originalId, now);
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id, originalId)).withPurpose(reader.purpose()).withDetails(Map.of("sanitisedFrom", originalId)));
        return new Step.Done(assemble(head(id).orElseThrow(), reader));
    }

    /**
     * Every organisation other than the author's whose evidence — cited by the original or by the
     * sanitised text — the sanitised marking no longer dominates must approve the release.
     */
    private void requireOriginators(String id, String originalId, Written w) {
        Set<String> owners = new LinkedHashSet<>();
        String originalContent = jdbc.sql("SELECT v.content FROM assessment_version v JOIN assessment_product a"
                        + " ON a.id = v.assessment_id AND a.current_version = v.version WHERE a.id = :id")
                .param("id", originalId).query(String.class).single();
        List<EvidenceLink> evidence = new ArrayList<>(content(originalContent).evidence());
        evidence.addAll(w.content().evidence());
        String authorOrg = head(originalId).orElseThrow().organisationId();
        for (EvidenceLink e : evidence) {
            Optional<Marking> m = switch (e.type()) {
                case REPORT -> reports.forProcessing(e.itemId()).map(Report::marking);
                case ENTITY -> entities.forProcessing(e.itemId()).map(Entity::marking);
            };
            if (m.isPresent() && !m.get().ownerOrganisation().equals(authorOrg)
                    && !MarkingDominance.dominates(w.marking(), m.get(), scheme)) {
                owners.add(m.get().ownerOrganisation());
            }
        }
        for (String org : owners) {
            jdbc.sql("INSERT INTO assessment_originator_approval (assessment_id, organisation_id) VALUES (:id, :org)")
                    .param("id", id).param("org", org).update();
        }
    }

    @Override
    @Transactional
    public Step approveAsOriginator(Reader reader, String id, String note) {
        String why = DraftReading.text("note", note, 2000, false);
        Optional<Head> found = visibleHead(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Head h = found.get();
        if (h.sanitisedFrom() == null) {
            return new Step.Refused("not-sanitised", "only a sanitised version awaits originators");
        }
        if (!h.state().editable()) {
            return new Step.WrongState(h.state());
        }
        if (!awaitsOriginator(id, reader.organisationId())) {
            return new Step.Refused("not-originator", "this sanitised version does not await your organisation");
        }
        if (!isSupervisor(reader)) {
            return new Step.Refused("not-supervisor", "a supervisor of the originating organisation approves");
        }
        Instant now = now();
        jdbc.sql("UPDATE assessment_originator_approval SET approved_by = :by, approved_at = :now, note = :note"
                        + " WHERE assessment_id = :id AND organisation_id = :org")
                .param("by", reader.userId()).param("now", Timestamp.from(now)).param("note", why).param("id", id)
                .param("org", reader.organisationId()).update();
        step(id, h.version(), "ORIGINATOR_APPROVED", reader, why, now);
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withOutcome("ORIGINATOR_APPROVED"));
        return new Step.Done(assemble(h, reader));
    }

    @Override
    @Transactional
    public Optional<List<String>> pendingOriginators(Reader reader, String id) {
        return visibleHead(reader, id).map(h -> pendingOriginatorIds(h.id()));
    }

    private List<String> pendingOriginatorIds(String id) {
        return jdbc.sql("SELECT organisation_id FROM assessment_originator_approval WHERE assessment_id = :id"
                + " AND approved_by IS NULL ORDER BY organisation_id").param("id", id).query(String.class).list();
    }

    // ---------------------------------------------------------------- recipients

    @Override
    @Transactional
    public Optional<List<Receipt>> receipts(Reader reader, String id) {
        Optional<Head> found = ownOrganisation(reader, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Receipt> list = jdbc.sql("SELECT * FROM assessment_receipt WHERE assessment_id = :id"
                + " ORDER BY delivered_at, recipient_user_id").param("id", id).query(JdbcAssessments::receipt).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("view", "receipts")));
        return Optional.of(list);
    }

    @Override
    @Transactional
    public Page<ReceivedProduct> received(Reader reader, PageRequest page) {
        SqlPredicate visible = visibility(reader, "a");
        String from = " FROM assessment_receipt r JOIN assessment_product a ON a.id = r.assessment_id"
                + " JOIN access_marking m ON m.id = a.marking_id WHERE r.recipient_user_id = :me AND " + visible.sql();
        var count = jdbc.sql("SELECT COUNT(*)" + from).param("me", reader.userId());
        visible.params().forEach(count::param);
        long total = count.query(Long.class).single();
        var select = jdbc.sql("SELECT a.*, m.classification_rank, m.tlp, r.delivered_at, r.read_at, r.feedback,"
                        + " r.version AS delivered_version" + from
                        + " ORDER BY r.delivered_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .param("me", reader.userId()).param("limit", page.size()).param("offset", page.offset());
        visible.params().forEach(select::param);
        List<ReceivedProduct> items = select.query((rs, n) -> new ReceivedProduct(rs.getString("id"),
                rs.getInt("current_version"), ProductType.valueOf(rs.getString("product_type")), rs.getString("title"),
                AssessmentState.valueOf(rs.getString("state")), rs.getString("threat_level"),
                scheme.level(rs.getInt("classification_rank")),
                org.fusioncell.access.Tlp.valueOf(rs.getString("tlp")).label(), rs.getString("organisation_id"),
                instant(rs, "delivered_at"), instant(rs, "read_at"),
                rs.getString("feedback") == null ? null : Receipt.Feedback.valueOf(rs.getString("feedback")))).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                items.stream().map(ReceivedProduct::assessmentId).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "received", "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public Step feedback(Reader reader, String id, Receipt.Feedback feedback, String note) {
        if (feedback == null) {
            throw new InvalidInputException("feedback", "one of USEFUL, NOT_USEFUL, ACTION_TAKEN");
        }
        String why = DraftReading.text("note", note, 2000, false);
        Optional<Head> found = visibleHead(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Instant now = now();
        int changed = jdbc.sql("UPDATE assessment_receipt SET feedback = :feedback, feedback_note = :note,"
                        + " feedback_at = :now, read_at = COALESCE(read_at, :now)"
                        + " WHERE assessment_id = :id AND recipient_user_id = :me")
                .param("feedback", feedback.name()).param("note", why).param("now", Timestamp.from(now))
                .param("id", id).param("me", reader.userId()).update();
        if (changed == 0) {
            return new Step.Refused("not-recipient", "only a recipient of the product gives feedback on it");
        }
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(reader.purpose()).withDetails(Map.of("feedback", feedback.name())));
        return new Step.Done(assemble(found.get(), reader));
    }

    @Override
    @Transactional
    public Step watchIndicator(Reader reader, String id, int indicatorIndex, Map<String, Object> criterion) {
        Optional<Head> found = visibleHead(reader, id);
        if (found.isEmpty()) {
            return new Step.Unknown();
        }
        Assessment a = assemble(found.get(), reader);
        if (indicatorIndex < 0 || indicatorIndex >= a.indicators().size()) {
            throw new InvalidInputException("indicator", "the product has " + a.indicators().size() + " indicator(s)");
        }
        Indicator indicator = a.indicators().get(indicatorIndex);
        if (indicator.watchId() != null) {
            return new Step.Done(a);
        }
        if (criterion == null || criterion.isEmpty()) {
            throw new InvalidInputException("criterion", "what to watch for: e.g. {kind: text, query: …}");
        }
        String name = indicator.text().length() > 200 ? indicator.text().substring(0, 199) + "…" : indicator.text();
        var watch = watches.create(reader, new WatchDraft(name, criterion, "MEDIUM", false, List.of(), List.of(), null,
                true));
        jdbc.sql("INSERT INTO assessment_indicator_watch (assessment_id, indicator_index, user_id, watch_id)"
                        + " VALUES (:id, :index, :user, :watch)").param("id", id).param("index", indicatorIndex)
                .param("user", reader.userId()).param("watch", watch.id()).update();
        audit.record(AuditRecord.of(AuditAction.COMBINATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(id, watch.id())).withPurpose(reader.purpose()).withDetails(Map.of("indicator",
                String.valueOf(indicatorIndex))));
        return new Step.Done(assemble(found.get(), reader));
    }

    // ---------------------------------------------------------------- helpers

    private Step move(Head h, AssessmentState to, String stepName, Reader by, String note, String guard) {
        Instant now = now();
        int changed = jdbc.sql("UPDATE assessment_product SET state = :to, updated_at = :now WHERE id = :id AND " + guard)
                .param("to", to.name()).param("now", Timestamp.from(now)).param("id", h.id()).update();
        if (changed == 0) {
            return new Step.WrongState(head(h.id()).orElseThrow().state());
        }
        step(h.id(), h.version(), stepName, by, note, now);
        audit.record(AuditRecord.of(AuditAction.ALTERATION, by.userId(), by.organisationId(), INFORMATION_TYPE,
                List.of(h.id())).withPurpose(by.purpose()).withOutcome(to.name()));
        return new Step.Done(assemble(head(h.id()).orElseThrow(), by));
    }

    /** The product if the reader sees it and belongs to its authoring organisation. */
    private Optional<Head> ownOrganisation(Reader reader, String id) {
        return visibleHead(reader, id).filter(h -> h.organisationId().equals(reader.organisationId()));
    }

    private boolean isWriter(Reader reader) {
        return colleagues.holds(reader, Role.ANALYST) || isSupervisor(reader);
    }

    private boolean isSupervisor(Reader reader) {
        return colleagues.holds(reader, Role.SUPERVISOR);
    }

    private void requireWriter(Reader reader) {
        if (!isWriter(reader)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "only analysts and supervisors write products");
        }
    }

    private Optional<Reader> reader(String userId) {
        try {
            return Optional.of(readers.forUser(userId, "dissemination"));
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static List<String> ids(String field, List<String> given) {
        List<String> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i) == null ? "" : given.get(i).strip();
            if (!Ids.isWellFormed(id)) {
                throw new InvalidInputException(field + "[" + i + "]", "not an id");
            }
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static Severity severity(String level) {
        if (level == null) {
            return Severity.MEDIUM;
        }
        return switch (level) {
            case "critical" -> Severity.CRITICAL;
            case "severe", "substantial" -> Severity.HIGH;
            case "low" -> Severity.LOW;
            default -> Severity.MEDIUM;
        };
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Head headRow(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getString("id"), ProductType.valueOf(rs.getString("product_type")),
                AssessmentState.valueOf(rs.getString("state")), rs.getInt("current_version"), rs.getString("marking_id"),
                rs.getString("author_user_id"), rs.getString("organisation_id"), rs.getString("approved_by"),
                instant(rs, "approved_at"), instant(rs, "disseminated_at"), rs.getString("withdrawal_reason"),
                rs.getString("supersedes"), rs.getString("superseded_by"), rs.getString("sanitised_from"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Receipt receipt(ResultSet rs, int n) throws SQLException {
        String feedback = rs.getString("feedback");
        return new Receipt(rs.getString("assessment_id"), rs.getInt("version"), rs.getString("recipient_user_id"),
                rs.getString("recipient_organisation_id"), instant(rs, "delivered_at"), instant(rs, "read_at"),
                feedback == null ? null : Receipt.Feedback.valueOf(feedback), rs.getString("feedback_note"),
                instant(rs, "feedback_at"), instant(rs, "withdrawn_notice_at"));
    }
}
