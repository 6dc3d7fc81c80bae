package org.fusioncell.monitoring.incidents.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.incidents.Incident;
import org.fusioncell.monitoring.incidents.IncidentAccess;
import org.fusioncell.monitoring.incidents.IncidentDetail;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.fusioncell.monitoring.incidents.IncidentQuery;
import org.fusioncell.monitoring.incidents.IncidentRecorded;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcIncidents implements Incidents {

    private final JdbcClient jdbc;
    private final IncidentRows rows;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IncidentChecks checks;
    private final Reports reports;
    private final Admin1Areas areas;

    JdbcIncidents(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Markings markings, AuditLog audit,
                  Clock clock, ApplicationEventPublisher events, IncidentVocabularies vocabularies, Reports reports,
                  Admin1Areas areas) {
        this.areas = areas;
        this.jdbc = jdbc;
        this.rows = new IncidentRows(template, json);
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.checks = new IncidentChecks(vocabularies);
        this.reports = reports;
    }

    @Override
    @Transactional
    public Incident record(Reader author, IncidentDraft draft) {
        IncidentDraft d = areas.coded(checks.check(draft, author));
        if (d.reportId() != null) {
            // the author must see the report now; its opening is audited as their consultation
            if (!(reports.open(author, d.reportId(), "recording an incident from this report")
                    instanceof ReportAccess.Opened opened)) {
                throw new InvalidInputException("reportId", "no such report");
            }
            MarkingFloor.check(opened.report().marking(), d.marking());
        }
        String id = Ids.newId();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String markingId = markings.save(d.marking());
        rows.insert(List.of(new IncidentRows.NewRow(id, d, markingId, author.organisationId(), null, now,
                author.userId())));
        audit.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(),
                INFORMATION_TYPE, List.of(id)).withPurpose(author.purpose())
                .withDetails(Map.of("classificationRank", String.valueOf(d.marking().classificationRank()),
                        "tlp", d.marking().tlp().name(), "fromReport", String.valueOf(d.reportId() != null))));
        events.publishEvent(new IncidentRecorded(id));
        return new Incident(id, d.date(), d.placeName(), d.country(), d.admin1(), d.latitude(), d.longitude(),
                d.attackType(), d.targetType(), d.weapon(), d.perpetratorGroup(), d.fatalities(), d.injuries(),
                d.sources(), d.marking(), author.organisationId(), d.reportId(), now);
    }

    @Override
    @Transactional
    public Optional<Incident> forProcessing(String incidentId) {
        return find(incidentId).map(IncidentDetail::incident);
    }

    @Override
    @Transactional
    public Page<Incident> list(Reader reader, IncidentQuery q, PageRequest page) {
        IncidentWhere where = where(reader, q);
        long total = count(where);
        List<IncidentDetail> found = new ArrayList<>();
        List<String> markingIds = new ArrayList<>();
        jdbc.sql("SELECT " + IncidentRows.COLUMNS + " FROM monitoring_incident i WHERE " + where.sql()
                        + " ORDER BY i.incident_date DESC, i.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(rs -> {
                    found.add(rows.read(rs, null));
                    markingIds.add(rs.getString("marking_id"));
                });
        List<Incident> items = withMarkings(found, markingIds).stream().map(IncidentDetail::incident).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                        INFORMATION_TYPE, items.stream().map(Incident::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, IncidentQuery q) {
        long total = count(where(reader, q));
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of()).withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public IncidentAccess open(Reader reader, String incidentId) {
        Optional<IncidentDetail> found = find(incidentId);
        if (found.isEmpty()) {
            return new IncidentAccess.Unknown();
        }
        Marking marking = found.get().incident().marking();
        Decision decision = AccessPolicy.decide(reader, INFORMATION_TYPE, marking);
        AuditRecord base = AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                INFORMATION_TYPE, List.of(incidentId)).withPurpose(reader.purpose());
        return switch (decision.visibility()) {
            case HIDDEN -> {
                audit.record(base.withOutcome("HIDDEN").withDetails(Map.of("reason", decision.reason())));
                yield new IncidentAccess.Unknown();
            }
            case EXISTENCE_ONLY -> {
                audit.record(base.withOutcome("EXISTENCE_ONLY").withDetails(Map.of("reason", decision.reason())));
                yield new IncidentAccess.KnownToExist(incidentId, marking.ownerOrganisation(), marking, decision.reason());
            }
            case VISIBLE -> {
                audit.record(base);
                yield new IncidentAccess.Opened(found.get());
            }
        };
    }

    @Override
    @Transactional
    public long export(Reader reader, IncidentQuery q, Consumer<IncidentDetail> sink) {
        IncidentWhere where = where(reader, q);
        List<String> ids = new ArrayList<>();
        List<IncidentDetail> batch = new ArrayList<>();
        List<String> markingIds = new ArrayList<>();
        jdbc.sql("SELECT " + IncidentRows.COLUMNS + " FROM monitoring_incident i WHERE " + where.sql()
                        + " ORDER BY i.incident_date DESC, i.id DESC")
                .params(where.params())
                .query(rs -> {
                    batch.add(rows.read(rs, null));
                    markingIds.add(rs.getString("marking_id"));
                    ids.add(rs.getString("id"));
                    if (batch.size() == 500) {
                        withMarkings(batch, markingIds).forEach(sink);
                        batch.clear();
                        markingIds.clear();
                    }
                });
        withMarkings(batch, markingIds).forEach(sink);
        audit.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(), INFORMATION_TYPE, ids)
                .withPurpose(reader.purpose()).withDetails(Map.of("format", "ndjson", "count", String.valueOf(ids.size()))));
        return ids.size();
    }

    private Optional<IncidentDetail> find(String incidentId) {
        if (!Ids.isWellFormed(incidentId)) {
            return Optional.empty();
        }
        List<String> markingIds = new ArrayList<>();
        List<IncidentDetail> found = new ArrayList<>();
        jdbc.sql("SELECT " + IncidentRows.COLUMNS + " FROM monitoring_incident i WHERE i.id = :id")
                .param("id", incidentId).query(rs -> {
                    found.add(rows.read(rs, null));
                    markingIds.add(rs.getString("marking_id"));
                });
        return withMarkings(found, markingIds).stream().findFirst();
    }

    private List<IncidentDetail> withMarkings(List<IncidentDetail> found, List<String> markingIds) {
        Map<String, Marking> marks = markings.findAll(markingIds);
        List<IncidentDetail> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            out.add(IncidentRows.withMarking(found.get(i), marks.get(markingIds.get(i))));
        }
        return out;
    }

    private static IncidentWhere where(Reader reader, IncidentQuery q) {
        return IncidentWhere.of(reader, q.country(), q.admin1(), q.attackType(), q.perpetratorGroup(), false,
                q.from(), q.to());
    }

    private long count(IncidentWhere where) {
        return jdbc.sql("SELECT COUNT(*) FROM monitoring_incident i WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }
}
