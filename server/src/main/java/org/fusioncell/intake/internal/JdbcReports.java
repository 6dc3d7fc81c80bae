package org.fusioncell.intake.internal;

import org.fusioncell.intake.TextLanguage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.audit.JustificationPolicy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.fusioncell.intake.Disclosure;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.ReportContributed;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.ReportHolding;
import org.fusioncell.intake.ReportSummary;
import org.fusioncell.intake.ReportVersion;
import org.fusioncell.intake.Revision;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcReports implements Reports {

    private static final String COLUMNS = """
            r.id, r.title, r.body, r.language, r.occurred_at, r.reported_at, r.place_name, r.latitude, r.longitude,
            r.source_reliability, r.information_credibility, r.marking_id, r.originating_organisation_id,
            r.author_user_id, r.retention_until, r.version, r.updated_at""";

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final JustificationPolicy justification;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReportHistory history;
    private final ReportTags tags;
    private final IntakeSettings settings;
    private final ReportRelease release;
    private final ReportErasure erasure;

    JdbcReports(JdbcClient jdbc, Markings markings, AuditLog audit, JustificationPolicy justification, Clock clock,
                ApplicationEventPublisher events, ReportHistory history, ReportTags tags, IntakeSettings settings,
                ReportRelease release, ReportErasure erasure) {
        this.release = release;
        this.erasure = erasure;
        this.events = events;
        this.history = history;
        this.tags = tags;
        this.settings = settings;
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.justification = justification;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Report contribute(Reader author, ReportDraft d) {
        String id = Ids.newId();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String markingId = markings.save(d.marking());
        String language = TextLanguage.detect(d.title() + "\n" + d.body());
        Place place = d.place() == null ? new Place(null, null, null) : d.place();
        LocalDate retention = d.retentionUntil() != null ? d.retentionUntil()
                : LocalDate.ofInstant(now, ZoneOffset.UTC).plus(settings.retention());
        jdbc.sql("""
                INSERT INTO intake_report (id, title, body, language, occurred_at, reported_at, place_name, latitude,
                    longitude, source_reliability, information_credibility, marking_id, originating_organisation_id,
                    author_user_id, retention_until, version, created_at, updated_at)
                VALUES (:id, :title, :body, :language, :occurred, :reported, :place, :lat, :lon, :rel, :cred, :marking,
                    :org, :author, :retention, 1, :now, :now)""")
                .param("id", id).param("title", d.title()).param("body", d.body()).param("language", language)
                .param("occurred", d.occurredAt() == null ? null : Timestamp.from(d.occurredAt()))
                .param("reported", Timestamp.from(now)).param("place", place.name())
                .param("lat", place.latitude()).param("lon", place.longitude())
                .param("rel", d.grading().reliability().name()).param("cred", d.grading().credibility())
                .param("marking", markingId).param("org", author.organisationId()).param("author", author.userId())
                .param("retention", retention).param("now", Timestamp.from(now))
                .update();
        tags.addToNew(id, d.tags());
        history.record(id, 1, d, language, markingId, retention, author.userId(), now, null);
        audit.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(),
                INFORMATION_TYPE, List.of(id)).withPurpose(author.purpose())
                .withDetails(Map.of("classificationRank", String.valueOf(d.marking().classificationRank()),
                        "tlp", d.marking().tlp().name())));
        events.publishEvent(new ReportContributed(id, author.organisationId()));
        return new Report(id, d.title(), d.body(), language, d.occurredAt(), now, place, d.grading(), d.marking(),
                author.organisationId(), author.userId(), retention, 1, d.tags(), now);
    }

    @Override
    @Transactional
    public Page<ReportSummary> list(Reader reader, String text, String tag, PageRequest page) {
        Query q = query(reader, text, tag);
        long total = countWhere(q);
        List<String[]> rows = jdbc.sql("SELECT r.id, r.title, r.language, r.reported_at, r.source_reliability, "
                        + "r.information_credibility, r.marking_id, r.originating_organisation_id FROM intake_report r WHERE "
                        + q.where + " ORDER BY r.reported_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .params(q.params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getTimestamp(4).toInstant()), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)})
                .list();
        Map<String, Marking> marks = markings.findAll(rows.stream().map(r -> r[6]).toList());
        Map<String, List<String>> tagsOf = tags.of(rows.stream().map(r -> r[0]).toList());
        List<ReportSummary> items = rows.stream().map(r -> new ReportSummary(r[0], r[1], r[2], Instant.parse(r[3]),
                new Grading(SourceReliability.valueOf(r[4]), Integer.parseInt(r[5])), marks.get(r[6]), r[7],
                tagsOf.getOrDefault(r[0], List.of()))).toList();
        audit.record(AuditRecord.of(text == null && tag == null ? AuditAction.CONSULTATION : AuditAction.SEARCH, reader.userId(),
                        reader.organisationId(), INFORMATION_TYPE, items.stream().map(ReportSummary::id).toList())
                .withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, String text, String tag) {
        long total = countWhere(query(reader, text, tag));
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of()).withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public ReportAccess open(Reader reader, String reportId, String why) {
        if (!Ids.isWellFormed(reportId)) {
            return new ReportAccess.Unknown();
        }
        List<Report> found = jdbc.sql("SELECT " + COLUMNS + " FROM intake_report r WHERE r.id = :id")
                .param("id", reportId).query(JdbcReports::rowWithoutMarking).list();
        if (found.isEmpty()) {
            return new ReportAccess.Unknown();
        }
        Report stored = found.getFirst();
        String markingId = jdbc.sql("SELECT marking_id FROM intake_report WHERE id = :id").param("id", reportId)
                .query(String.class).single();
        Marking marking = markings.find(markingId).orElseThrow();
        Decision decision = AccessPolicy.decide(reader, INFORMATION_TYPE, marking);
        AuditRecord base = AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                INFORMATION_TYPE, List.of(reportId)).withPurpose(reader.purpose());
        switch (decision.visibility()) {
            case HIDDEN -> {
                audit.record(base.withOutcome("HIDDEN").withDetails(Map.of("reason", decision.reason())));
                return new ReportAccess.Unknown();
            }
            case EXISTENCE_ONLY -> {
                audit.record(base.withOutcome("EXISTENCE_ONLY").withDetails(Map.of("reason", decision.reason())));
                return new ReportAccess.KnownToExist(reportId, marking.ownerOrganisation(), marking, decision.reason());
            }
            default -> {
                boolean needed = justification.required(marking.classificationRank());
                if (needed && (why == null || why.isBlank())) {
                    return new ReportAccess.JustificationNeeded(reportId);
                }
                audit.record(base.withJustification(needed || (why != null && !why.isBlank()) ? why.strip() : null));
                return new ReportAccess.Opened(withMarking(stored, marking, tags.of(List.of(reportId))
                        .getOrDefault(reportId, List.of())));
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Report> forProcessing(String reportId) {
        if (!Ids.isWellFormed(reportId)) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_report r WHERE r.id = :id")
                .param("id", reportId).query((rs, n) -> withMarking(rowWithoutMarking(rs, n),
                        markings.find(rs.getString("marking_id")).orElseThrow(),
                        tags.of(List.of(reportId)).getOrDefault(reportId, List.of())))
                .optional();
    }

    @Override
    @Transactional
    public long export(Reader reader, Consumer<Report> sink) {
        SqlPredicate visible = VisibilityFilter.visible(reader, INFORMATION_TYPE, "r.marking_id");
        List<String> ids = new ArrayList<>();
        Map<String, String> markingOf = new HashMap<>();
        List<Report> batch = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM intake_report r WHERE " + visible.sql()
                        + " ORDER BY r.reported_at DESC, r.id DESC")
                .params(visible.params())
                .query(rs -> {
                    Report r = rowWithoutMarking(rs, 0);
                    markingOf.put(r.id(), rs.getString("marking_id"));
                    batch.add(r);
                    ids.add(r.id());
                    if (batch.size() == 500) {
                        flush(batch, markingOf, sink);
                    }
                });
        flush(batch, markingOf, sink);
        audit.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(), INFORMATION_TYPE, ids)
                .withPurpose(reader.purpose()).withDetails(Map.of("format", "ndjson", "count", String.valueOf(ids.size()))));
        return ids.size();
    }

    private void flush(List<Report> batch, Map<String, String> markingOf, Consumer<Report> sink) {
        Map<String, Marking> marks = markings.findAll(batch.stream().map(r -> markingOf.get(r.id())).toList());
        Map<String, List<String>> tagsOf = tags.of(batch.stream().map(Report::id).toList());
        batch.forEach(r -> sink.accept(withMarking(r, marks.get(markingOf.get(r.id())),
                tagsOf.getOrDefault(r.id(), List.of()))));
        batch.clear();
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(Reader reader, String text, String tag) {
        SqlPredicate visible = VisibilityFilter.visible(reader, INFORMATION_TYPE, "r.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        String where = visible.sql();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            params.put("text", like);
            where += " AND (LOWER(r.title) LIKE :text ESCAPE '\\' OR LOWER(r.body) LIKE :text ESCAPE '\\')";
        }
        if (tag != null && !tag.isBlank()) {
            params.put("tag", tag.strip());
            where += " AND r.id IN (SELECT t.report_id FROM intake_report_tag t WHERE t.tag = :tag)";
        }
        return new Query(where, params);
    }

    private long countWhere(Query q) {
        return jdbc.sql("SELECT COUNT(*) FROM intake_report r WHERE " + q.where).params(q.params)
                .query(Long.class).single();
    }

    static Report rowWithoutMarking(ResultSet rs, int n) throws SQLException {
        Timestamp occurred = rs.getTimestamp("occurred_at");
        java.sql.Date retention = rs.getDate("retention_until");
        Double lat = rs.getObject("latitude") == null ? null : rs.getDouble("latitude");
        Double lon = rs.getObject("longitude") == null ? null : rs.getDouble("longitude");
        return new Report(rs.getString("id"), rs.getString("title"), rs.getString("body"), rs.getString("language"),
                occurred == null ? null : occurred.toInstant(), rs.getTimestamp("reported_at").toInstant(),
                new Place(rs.getString("place_name"), lat, lon),
                new Grading(SourceReliability.valueOf(rs.getString("source_reliability")),
                        rs.getInt("information_credibility")),
                null, rs.getString("originating_organisation_id"), rs.getString("author_user_id"),
                retention == null ? null : retention.toLocalDate(), rs.getInt("version"), List.of(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static Report withMarking(Report r, Marking m, List<String> tagList) {
        return new Report(r.id(), r.title(), r.body(), r.language(), r.occurredAt(), r.reportedAt(), r.place(),
                r.grading(), m, r.originatingOrganisationId(), r.authorUserId(), r.retentionUntil(), r.version(), tagList,
                r.updatedAt());
    }

    @Override
    public Revision revise(Reader author, String reportId, int expectedVersion, ReportDraft draft, String reason) {
        return history.revise(author, reportId, expectedVersion, draft, reason);
    }

    @Override
    public Disclosure<List<ReportVersion>> versions(Reader reader, String reportId, String why) {
        return history.versions(reader, reportId, why);
    }

    @Override
    public Disclosure<Report> version(Reader reader, String reportId, int version, String why) {
        return history.version(reader, reportId, version, why);
    }

    @Override
    public Decision releaseTo(Reader owner, String reportId, Reader recipient, String accessRequestId) {
        return release.releaseTo(owner, reportId, recipient, accessRequestId);
    }

    @Override
    public boolean erase(Reader actor, String reportId, String reason) {
        return erasure.erase(actor, reportId, reason);
    }

    @Override
    public java.time.Period defaultRetention() {
        return settings.retention();
    }

    @Override
    public List<ReportHolding> expired(LocalDate today, String afterId, int limit) {
        return jdbc.sql("SELECT id, originating_organisation_id, reported_at, retention_until FROM intake_report"
                        + " WHERE retention_until < :today AND id > :after ORDER BY id LIMIT :limit")
                .param("today", today).param("after", afterId == null ? "" : afterId).param("limit", limit)
                .query(JdbcReports::holding).list();
    }

    @Override
    public List<ReportHolding> holdings(String afterId, int limit) {
        return jdbc.sql("SELECT id, originating_organisation_id, reported_at, retention_until FROM intake_report"
                        + " WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", afterId == null ? "" : afterId).param("limit", limit).query(JdbcReports::holding).list();
    }

    private static ReportHolding holding(ResultSet rs, int n) throws SQLException {
        java.sql.Date until = rs.getDate("retention_until");
        return new ReportHolding(rs.getString("id"), rs.getString("originating_organisation_id"),
                rs.getTimestamp("reported_at").toInstant(), until == null ? null : until.toLocalDate());
    }
}
