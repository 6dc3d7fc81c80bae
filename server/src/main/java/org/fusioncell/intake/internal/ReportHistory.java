package org.fusioncell.intake.internal;

import org.fusioncell.intake.TextLanguage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.intake.Disclosure;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.ReportRevised;
import org.fusioncell.intake.ReportVersion;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.Revision;
import org.fusioncell.intake.SourceReliability;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Versioned edits: every version's full content is kept; the current one is also in intake_report. */
@Component
class ReportHistory {

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReportGate gate;
    private final ReportTags tags;

    ReportHistory(JdbcClient jdbc, Markings markings, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                  ReportGate gate, ReportTags tags) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.gate = gate;
        this.tags = tags;
    }

    void record(String reportId, int version, ReportDraft d, String language, String markingId, LocalDate retention,
                String by, Instant at, String reason) {
        Place place = d.place() == null ? new Place(null, null, null) : d.place();
        jdbc.sql("""
                INSERT INTO intake_report_version (report_id, version, title, body, language, occurred_at, place_name,
                    latitude, longitude, source_reliability, information_credibility, marking_id, retention_until, tags,
                    changed_by, changed_at, reason)
                VALUES (:id, :version, :title, :body, :language, :occurred, :place, :lat, :lon, :rel, :cred, :marking,
                    :retention, :tags, :by, :at, :reason)""")
                .param("id", reportId).param("version", version).param("title", d.title()).param("body", d.body())
                .param("language", language)
                .param("occurred", d.occurredAt() == null ? null : Timestamp.from(d.occurredAt()))
                .param("place", place.name()).param("lat", place.latitude()).param("lon", place.longitude())
                .param("rel", d.grading().reliability().name()).param("cred", d.grading().credibility())
                .param("marking", markingId).param("retention", retention).param("tags", ReportTags.join(d.tags()))
                .param("by", by).param("at", Timestamp.from(at)).param("reason", reason)
                .update();
    }

    @Transactional
    Revision revise(Reader author, String reportId, int expectedVersion, ReportDraft d, String reason) {
        if (!gate.mayChange(author, reportId)) {
            return new Revision.Unknown();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String markingId = markings.save(d.marking());
        String language = TextLanguage.detect(d.title() + "\n" + d.body());
        Place place = d.place() == null ? new Place(null, null, null) : d.place();
        // an absent retention date keeps the one already set
        int updated = jdbc.sql("""
                UPDATE intake_report SET title = :title, body = :body, language = :language, occurred_at = :occurred,
                    place_name = :place, latitude = :lat, longitude = :lon, source_reliability = :rel,
                    information_credibility = :cred, marking_id = :marking,
                    retention_until = COALESCE(:retention, retention_until), version = version + 1, updated_at = :now
                WHERE id = :id AND version = :expected""")
                .param("title", d.title()).param("body", d.body()).param("language", language)
                .param("occurred", d.occurredAt() == null ? null : Timestamp.from(d.occurredAt()))
                .param("place", place.name()).param("lat", place.latitude()).param("lon", place.longitude())
                .param("rel", d.grading().reliability().name()).param("cred", d.grading().credibility())
                .param("marking", markingId).param("retention", d.retentionUntil(), java.sql.Types.DATE)
                .param("now", Timestamp.from(now)).param("id", reportId).param("expected", expectedVersion)
                .update();
        if (updated == 0) {
            int current = jdbc.sql("SELECT version FROM intake_report WHERE id = :id").param("id", reportId)
                    .query(Integer.class).single();
            return new Revision.Stale(current);
        }
        int version = expectedVersion + 1;
        Report stored = jdbc.sql("SELECT * FROM intake_report r WHERE r.id = :id").param("id", reportId)
                .query(JdbcReports::rowWithoutMarking).single();
        tags.replace(reportId, d.tags());
        record(reportId, version, d, language, markingId, stored.retentionUntil(), author.userId(), now, reason);
        audit.record(AuditRecord.of(AuditAction.ALTERATION, author.userId(), author.organisationId(),
                Reports.INFORMATION_TYPE, List.of(reportId)).withPurpose(author.purpose())
                .withDetails(Map.of("version", String.valueOf(version),
                        "classificationRank", String.valueOf(d.marking().classificationRank()))));
        events.publishEvent(new ReportRevised(reportId, version));
        return new Revision.Revised(JdbcReports.withMarking(stored, d.marking(), d.tags()));
    }

    @Transactional
    Disclosure<List<ReportVersion>> versions(Reader reader, String reportId, String why) {
        ReportGate.Passage passage = gate.pass(reader, reportId, why, null);
        if (!passage.granted()) {
            return new Disclosure.Refused<>(passage.refusal());
        }
        List<String[]> rows = jdbc.sql("""
                SELECT version, changed_by, changed_at, reason, marking_id FROM intake_report_version
                WHERE report_id = :id ORDER BY version""").param("id", reportId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant().toString(), rs.getString(4), rs.getString(5)})
                .list();
        Map<String, Marking> marks = markings.findAll(rows.stream().map(r -> r[4]).toList());
        List<ReportVersion> versions = rows.stream().map(r -> new ReportVersion(reportId, Integer.parseInt(r[0]), r[1],
                Instant.parse(r[2]), r[3],
                marks.get(r[4]).classificationRank())).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Reports.INFORMATION_TYPE, List.of(reportId)).withPurpose(reader.purpose())
                .withJustification(passage.justification()).withDetails(Map.of("view", "versions")));
        return new Disclosure.Granted<>(versions);
    }

    @Transactional
    Disclosure<Report> version(Reader reader, String reportId, int version, String why) {
        List<Object[]> found = org.fusioncell.shared.Ids.isWellFormed(reportId) ? jdbc.sql("""
                SELECT v.*, r.id, r.reported_at, r.originating_organisation_id, r.author_user_id, v.changed_at AS updated_at
                FROM intake_report_version v JOIN intake_report r ON r.id = v.report_id
                WHERE v.report_id = :id AND v.version = :version""")
                .param("id", reportId).param("version", version)
                .query((rs, n) -> new Object[] {JdbcReports.rowWithoutMarking(rs, n), rs.getString("marking_id"),
                        rs.getString("tags")})
                .list() : List.of();
        if (found.isEmpty()) {
            return new Disclosure.Refused<>(new ReportAccess.Unknown());
        }
        String versionMarkingId = (String) found.getFirst()[1];
        ReportGate.Passage passage = gate.pass(reader, reportId, why, versionMarkingId);
        if (!passage.granted()) {
            return new Disclosure.Refused<>(passage.refusal());
        }
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Reports.INFORMATION_TYPE, List.of(reportId)).withPurpose(reader.purpose())
                .withJustification(passage.justification())
                .withDetails(Map.of("view", "version", "version", String.valueOf(version))));
        Marking marking = markings.find(versionMarkingId).orElseThrow();
        return new Disclosure.Granted<>(JdbcReports.withMarking((Report) found.getFirst()[0], marking,
                ReportTags.split((String) found.getFirst()[2])));
    }
}
