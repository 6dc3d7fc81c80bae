package org.fusioncell.entities.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityLink;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.Mention;
import org.fusioncell.entities.Proposal;
import org.fusioncell.entities.Recorded;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcReportEntities implements ReportEntities {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Reports reports;
    private final JdbcEntities entities;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final IdentifierExtractor extractor;
    private final EntityAttributes attributes;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final EntityErasure erasure;

    JdbcReportEntities(JdbcClient jdbc, Reports reports, JdbcEntities entities, Markings markings, AuditLog audit,
                       Clock clock, JsonMapper json, EntitiesProperties properties,
                       org.springframework.context.ApplicationEventPublisher events, EntityErasure erasure) {
        this.erasure = erasure;
        this.events = events;
        this.jdbc = jdbc;
        this.reports = reports;
        this.entities = entities;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.extractor = new IdentifierExtractor(properties.defaultRegion());
        this.attributes = new EntityAttributes(properties.defaultRegion());
    }

    @Override
    @Transactional
    public Optional<List<Proposal>> proposals(Reader reader, String reportId, String why) {
        return opened(reader, reportId, why).map(report -> {
            extractOnce(report);
            List<Proposal> found = jdbc.sql("SELECT * FROM entity_proposal WHERE report_id = :r ORDER BY start_offset, id")
                    .param("r", report.id()).query((rs, n) -> new Proposal(rs.getString("id"), rs.getString("report_id"),
                            EntityType.valueOf(rs.getString("entity_type")), rs.getString("proposed_value"),
                            rs.getString("identifier_key"), json.readValue(rs.getString("attributes"), MAP),
                            rs.getInt("start_offset"), Proposal.State.valueOf(rs.getString("state")),
                            rs.getString("entity_id"))).list();
            return found;
        });
    }

    /** Scans the report's text once: the extraction row makes the listener and on-demand paths idempotent. */
    @Transactional
    public void extractOnce(Report report) {
        int claimed = jdbc.sql("INSERT INTO entity_extraction (report_id, extracted_at) VALUES (:r, :now) ON CONFLICT DO NOTHING")
                .param("r", report.id()).param("now", Timestamp.from(now())).update();
        if (claimed == 0) {
            return;
        }
        String text = report.title() + "\n" + report.body();
        List<IdentifierExtractor.Found> found = extractor.extract(text);
        for (IdentifierExtractor.Found f : found) {
            String value = f.value().length() > 500 ? f.value().substring(0, 500) : f.value();
            jdbc.sql("""
                    INSERT INTO entity_proposal (id, report_id, entity_type, identifier_key, proposed_value, attributes,
                        start_offset, state, created_at)
                    VALUES (:id, :r, :type, :key, :value, :attributes, :offset, 'PROPOSED', :now)""")
                    .param("id", Ids.newId()).param("r", report.id()).param("type", f.type().name())
                    .param("key", f.key()).param("value", value)
                    .param("attributes", json.writeValueAsString(f.attributes()))
                    .param("offset", f.offset()).param("now", Timestamp.from(now())).update();
        }
        audit.record(AuditRecord.of(AuditAction.COLLECTION, null, report.originatingOrganisationId(), "entity-proposal",
                List.of(report.id())).withPurpose("identifier extraction")
                .withDetails(Map.of("proposals", String.valueOf(found.size()))));
    }

    @Override
    @Transactional
    public Optional<Proposal> confirm(Reader reader, String reportId, String proposalId, String why) {
        Optional<Report> report = opened(reader, reportId, why);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        return pending(report.get(), proposalId).map(p -> {
            var normalised = attributes.normalise(p.type(), p.attributes(), "attributes");
            Recorded recorded = entities.record(reader, new EntityDraft(p.type(), normalised.label(), p.identifierKey(),
                    p.attributes(), report.get().marking()));
            mention(reader, report.get(), recorded.entity().id());
            decide(reader, p, Proposal.State.CONFIRMED, recorded.entity().id());
            return new Proposal(p.id(), p.reportId(), p.type(), p.value(), p.identifierKey(), p.attributes(), p.offset(),
                    Proposal.State.CONFIRMED, recorded.entity().id());
        });
    }

    @Override
    @Transactional
    public Optional<Proposal> reject(Reader reader, String reportId, String proposalId, String why) {
        return opened(reader, reportId, why).flatMap(report -> pending(report, proposalId)).map(p -> {
            decide(reader, p, Proposal.State.REJECTED, null);
            return new Proposal(p.id(), p.reportId(), p.type(), p.value(), p.identifierKey(), p.attributes(), p.offset(),
                    Proposal.State.REJECTED, null);
        });
    }

    @Override
    @Transactional
    public Optional<List<Mention>> mentions(Reader reader, String reportId, String why) {
        return opened(reader, reportId, why).map(report -> {
            SqlPredicate entity = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "e.marking_id");
            SqlPredicate mention = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "m.marking_id");
            Map<String, Object> params = new HashMap<>(entity.params());
            params.putAll(mention.params());
            record Row(String id, Instant at, JdbcEntities.Stored stored) {
            }
            List<Row> rows = jdbc.sql("SELECT m.id AS mention_id, m.created_at AS mentioned_at, " + JdbcEntities.COLUMNS
                            + " FROM entity_mention m JOIN entity e ON e.id = m.entity_id WHERE m.report_id = :r AND "
                            + entity.sql() + " AND " + mention.sql() + " ORDER BY m.created_at, m.id")
                    .params(params).param("r", report.id())
                    .query((rs, n) -> new Row(rs.getString("mention_id"), rs.getTimestamp("mentioned_at").toInstant(),
                            entities.row(rs, n))).list();
            List<Entity> withMarkings = entities.withMarkings(rows.stream().map(Row::stored).toList());
            List<Mention> out = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                out.add(new Mention(rows.get(i).id(), report.id(), withMarkings.get(i), rows.get(i).at()));
            }
            audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                    Entities.INFORMATION_TYPE, withMarkings.stream().map(Entity::id).toList())
                    .withPurpose(reader.purpose()).withDetails(Map.of("view", "mentions", "report", report.id())));
            return out;
        });
    }

    @Override
    @Transactional
    public Optional<EntityLink> link(Reader author, LinkDraft d, String why) {
        Optional<Report> report = opened(author, d.reportId(), why);
        if (report.isEmpty() || !(entities.open(author, d.fromEntityId()) instanceof EntityAccess.Opened)
                || !(entities.open(author, d.toEntityId()) instanceof EntityAccess.Opened)) {
            return Optional.empty();
        }
        // a link to a merged-away entity is made to the entity that stands for it now
        String fromId = entities.active(d.fromEntityId());
        String toId = entities.active(d.toEntityId());
        if ((!fromId.equals(d.fromEntityId()) && !(entities.open(author, fromId) instanceof EntityAccess.Opened))
                || (!toId.equals(d.toEntityId()) && !(entities.open(author, toId) instanceof EntityAccess.Opened))) {
            return Optional.empty();
        }
        String id = Ids.newId();
        Instant now = now();
        jdbc.sql("""
                INSERT INTO entity_link (id, from_entity_id, to_entity_id, link_type, report_id, confidence, valid_from,
                    valid_to, marking_id, created_by, created_at)
                VALUES (:id, :from, :to, :type, :r, :confidence, :vf, :vt, :marking, :by, :now)""")
                .param("id", id).param("from", fromId).param("to", toId).param("type", d.type().name())
                .param("r", d.reportId()).param("confidence", d.confidence()).param("vf", d.validFrom())
                .param("vt", d.validTo()).param("marking", markings.save(report.get().marking()))
                .param("by", author.userId()).param("now", Timestamp.from(now)).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(), Links.INFORMATION_TYPE,
                List.of(id, fromId, toId, d.reportId())).withPurpose(author.purpose())
                .withDetails(Map.of("type", d.type().name())));
        events.publishEvent(new org.fusioncell.entities.EntitiesLinked(id, fromId, toId, d.reportId()));
        return Links.visibleLinks(jdbc, markings, author, "l.id = :lid", Map.of("lid", id)).stream().findFirst();
    }

    @Override
    @Transactional
    public boolean mention(Reader reader, String reportId, String entityId, String why) {
        Optional<Report> report = opened(reader, reportId, why);
        if (report.isEmpty() || !(entities.open(reader, entityId) instanceof EntityAccess.Opened)) {
            return false;
        }
        mention(reader, report.get(), entities.active(entityId));
        return true;
    }

    @Override
    public boolean unlink(Reader actor, String linkId, String reason) {
        return erasure.unlink(actor, linkId, reason);
    }

    private Optional<Report> opened(Reader reader, String reportId, String why) {
        return reports.open(reader, reportId, why) instanceof ReportAccess.Opened o ? Optional.of(o.report())
                : Optional.empty();
    }

    private Optional<Proposal> pending(Report report, String proposalId) {
        if (!Ids.isWellFormed(proposalId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM entity_proposal WHERE id = :id AND report_id = :r AND state = 'PROPOSED'")
                .param("id", proposalId).param("r", report.id())
                .query((rs, n) -> new Proposal(rs.getString("id"), rs.getString("report_id"),
                        EntityType.valueOf(rs.getString("entity_type")), rs.getString("proposed_value"),
                        rs.getString("identifier_key"), json.readValue(rs.getString("attributes"), MAP),
                        rs.getInt("start_offset"), Proposal.State.PROPOSED, null)).optional();
    }

    private void mention(Reader reader, Report report, String entityId) {
        int added = jdbc.sql("""
                INSERT INTO entity_mention (id, report_id, entity_id, marking_id, created_by, created_at)
                VALUES (:id, :r, :e, :marking, :by, :now) ON CONFLICT DO NOTHING""")
                .param("id", Ids.newId()).param("r", report.id()).param("e", entityId)
                .param("marking", markings.save(report.marking())).param("by", reader.userId())
                .param("now", Timestamp.from(now())).update();
        if (added > 0) {
            audit.record(AuditRecord.of(AuditAction.COMBINATION, reader.userId(), reader.organisationId(), "entity-mention",
                    List.of(report.id(), entityId)).withPurpose(reader.purpose()));
            events.publishEvent(new org.fusioncell.entities.EntityMentioned(report.id(), entityId));
        }
    }

    private void decide(Reader reader, Proposal p, Proposal.State state, String entityId) {
        jdbc.sql("UPDATE entity_proposal SET state = :state, entity_id = :e, decided_by = :by, decided_at = :now WHERE id = :id")
                .param("state", state.name()).param("e", entityId).param("by", reader.userId())
                .param("now", Timestamp.from(now())).param("id", p.id()).update();
        audit.record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), "entity-proposal",
                List.of(p.id(), p.reportId())).withPurpose(reader.purpose()).withDetails(Map.of("state", state.name())));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
