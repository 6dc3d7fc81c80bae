package org.fusioncell.entities.internal;

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
import java.util.Set;
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
import org.fusioncell.entities.Correlations;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityRecorded;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.EntityDraft;
import org.fusioncell.entities.EntityLink;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.Mention;
import org.fusioncell.entities.Recorded;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
@EnableConfigurationProperties(EntitiesProperties.class)
class JdbcEntities implements Entities {

    static final String COLUMNS = "e.id, e.entity_type, e.label, e.identifier_key, e.attributes, e.marking_id, "
            + "e.owner_organisation_id, e.created_at";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final Set<String> warningList;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final NameKeyStore nameKeys;
    private final EntityErasure erasure;

    JdbcEntities(JdbcClient jdbc, Markings markings, AuditLog audit, Clock clock, JsonMapper json,
                 EntitiesProperties properties, org.springframework.context.ApplicationEventPublisher events,
                 NameKeyStore nameKeys, EntityErasure erasure) {
        this.erasure = erasure;
        this.events = events;
        this.nameKeys = nameKeys;
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.warningList = properties.warningList();
    }

    @Override
    @Transactional
    public Recorded record(Reader author, EntityDraft d) {
        String markingId = markings.save(d.marking());
        if (d.identifierKey() != null) {
            SqlPredicate visible = VisibilityFilter.visible(author, INFORMATION_TYPE, "e.marking_id");
            List<Stored> held = jdbc.sql("SELECT " + COLUMNS + " FROM entity e WHERE e.identifier_key = :key"
                            + " AND e.entity_type = :type AND e.marking_id = :marking AND e.merged_into IS NULL AND "
                            + visible.sql()
                            + " ORDER BY e.created_at, e.id LIMIT 1")
                    .params(visible.params()).param("key", d.identifierKey()).param("type", d.type().name())
                    .param("marking", markingId).query(this::row).list();
            if (!held.isEmpty()) {
                Entity reused = withMarking(held.getFirst().entity(), d.marking());
                audit.record(AuditRecord.of(AuditAction.COMBINATION, author.userId(), author.organisationId(),
                        INFORMATION_TYPE, List.of(reused.id())).withPurpose(author.purpose())
                        .withDetails(Map.of("reused", "true", "type", d.type().name())));
                return new Recorded(reused, true);
            }
        }
        String id = Ids.newId();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String label = d.label().length() > 500 ? d.label().substring(0, 500) : d.label();
        jdbc.sql("""
                INSERT INTO entity (id, entity_type, label, label_lower, identifier_key, attributes, marking_id,
                    owner_organisation_id, created_by, created_at)
                VALUES (:id, :type, :label, :lower, :key, :attributes, :marking, :owner, :by, :now)""")
                .param("id", id).param("type", d.type().name()).param("label", label)
                .param("lower", label.toLowerCase(Locale.ROOT)).param("key", d.identifierKey())
                .param("attributes", json.writeValueAsString(d.attributes())).param("marking", markingId)
                .param("owner", d.marking().ownerOrganisation()).param("by", author.userId())
                .param("now", Timestamp.from(now)).update();
        if (NameKeyStore.named(d.type())) {
            nameKeys.index(id, d.type(), markingId, d.attributes());
        }
        boolean correlates = d.identifierKey() != null && !warningList.contains(d.identifierKey());
        if (correlates) {
            jdbc.sql("INSERT INTO entity_correlation (identifier_key, entity_id, created_at) VALUES (:key, :id, :now)")
                    .param("key", d.identifierKey()).param("id", id).param("now", Timestamp.from(now)).update();
        }
        audit.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(),
                INFORMATION_TYPE, List.of(id)).withPurpose(author.purpose())
                .withDetails(Map.of("type", d.type().name(), "correlates", String.valueOf(correlates),
                        "classificationRank", String.valueOf(d.marking().classificationRank()),
                        "tlp", d.marking().tlp().name())));
        events.publishEvent(new EntityRecorded(id));
        return new Recorded(new Entity(id, d.type(), label, d.identifierKey(), d.attributes(), d.marking(),
                d.marking().ownerOrganisation(), now), false);
    }

    @Override
    @Transactional
    public Page<Entity> list(Reader reader, EntityType type, String text, PageRequest page) {
        Query q = query(reader, type, text);
        long total = countWhere(q);
        List<Stored> rows = jdbc.sql("SELECT " + COLUMNS + " FROM entity e WHERE " + q.where
                        + " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
                .params(q.params).param("limit", page.size()).param("offset", page.offset())
                .query(this::row).list();
        List<Entity> items = withMarkings(rows);
        audit.record(AuditRecord.of(text == null ? AuditAction.CONSULTATION : AuditAction.SEARCH, reader.userId(),
                        reader.organisationId(), INFORMATION_TYPE, items.stream().map(Entity::id).toList())
                .withPurpose(reader.purpose())
                .withDetails(Map.of("view", "list", "page", String.valueOf(page.page()), "total", String.valueOf(total))));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public long count(Reader reader, EntityType type, String text) {
        long total = countWhere(query(reader, type, text));
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of()).withPurpose(reader.purpose()).withDetails(Map.of("view", "count", "total", String.valueOf(total))));
        return total;
    }

    @Override
    @Transactional
    public EntityAccess open(Reader reader, String entityId) {
        if (!Ids.isWellFormed(entityId)) {
            return new EntityAccess.Unknown();
        }
        List<Stored> found = jdbc.sql("SELECT " + COLUMNS + " FROM entity e WHERE e.id = :id").param("id", entityId)
                .query(this::row).list();
        if (found.isEmpty()) {
            return new EntityAccess.Unknown();
        }
        Entity stored = found.getFirst().entity();
        Marking marking = markings.find(found.getFirst().markingId()).orElseThrow();
        Decision decision = AccessPolicy.decide(reader, INFORMATION_TYPE, marking);
        AuditRecord base = AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                INFORMATION_TYPE, List.of(entityId)).withPurpose(reader.purpose());
        return switch (decision.visibility()) {
            case HIDDEN -> {
                audit.record(base.withOutcome("HIDDEN").withDetails(Map.of("reason", decision.reason())));
                yield new EntityAccess.Unknown();
            }
            case EXISTENCE_ONLY -> {
                audit.record(base.withOutcome("EXISTENCE_ONLY").withDetails(Map.of("reason", decision.reason())));
                yield new EntityAccess.KnownToExist(entityId, marking.ownerOrganisation(), marking);
            }
            case VISIBLE -> {
                audit.record(base);
                yield new EntityAccess.Opened(withMarking(stored, marking));
            }
        };
    }

    @Override
    @Transactional
    public Correlations correlations(Reader reader, Entity entity) {
        String key = entity.identifierKey();
        if (key == null || warningList.contains(key)) {
            return new Correlations(key, List.of(), List.of());
        }
        SqlPredicate visible = VisibilityFilter.visible(reader, INFORMATION_TYPE, "e.marking_id");
        SqlPredicate known = VisibilityFilter.known(reader, INFORMATION_TYPE, "e.marking_id");
        String from = " FROM entity_correlation c JOIN entity e ON e.id = c.entity_id WHERE c.identifier_key = :key"
                + " AND e.id <> :id AND ";
        List<Entity> seen = withMarkings(jdbc.sql("SELECT " + COLUMNS + from + visible.sql()
                        + " ORDER BY e.created_at, e.id LIMIT 500")
                .params(visible.params()).param("key", key).param("id", entity.id()).query(this::row).list());
        // both predicates bind the same acc_* names to the same values for one reader
        Map<String, Object> params = new HashMap<>(known.params());
        params.putAll(visible.params());
        List<Entity> heldElsewhere = withMarkings(jdbc.sql("SELECT " + COLUMNS + from + known.sql() + " AND NOT ("
                        + visible.sql() + ") ORDER BY e.created_at, e.id LIMIT 500")
                .params(params).param("key", key).param("id", entity.id()).query(this::row).list());
        List<Correlations.Notice> notices = heldElsewhere.stream().map(e -> new Correlations.Notice(e.id(),
                e.marking().ownerOrganisation(), e.marking().classificationRank(), e.createdAt())).toList();
        List<String> ids = new ArrayList<>(seen.stream().map(Entity::id).toList());
        audit.record(AuditRecord.of(AuditAction.COMBINATION, reader.userId(), reader.organisationId(),
                INFORMATION_TYPE, ids).withPurpose(reader.purpose()).withDetails(Map.of("view", "correlations",
                "of", entity.id(), "notices", String.valueOf(notices.size()))));
        return new Correlations(key, seen, notices);
    }

    @Override
    @Transactional
    public List<EntityLink> links(Reader reader, Entity entity) {
        List<EntityLink> links = Links.visibleLinks(jdbc, markings, reader, "(l.from_entity_id = :id OR l.to_entity_id = :id)",
                Map.of("id", entity.id()));
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), Links.INFORMATION_TYPE,
                links.stream().map(EntityLink::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("of", entity.id())));
        return links;
    }

    @Override
    @Transactional
    public List<Mention> mentions(Reader reader, Entity entity) {
        SqlPredicate visible = VisibilityFilter.visible(reader, INFORMATION_TYPE, "m.marking_id");
        List<Mention> found = jdbc.sql("SELECT m.id, m.report_id, m.created_at FROM entity_mention m WHERE m.entity_id = :id AND "
                        + visible.sql() + " ORDER BY m.created_at DESC, m.id LIMIT 500")
                .params(visible.params()).param("id", entity.id())
                .query((rs, n) -> new Mention(rs.getString("id"), rs.getString("report_id"), entity,
                        rs.getTimestamp("created_at").toInstant())).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), "entity-mention",
                found.stream().map(Mention::reportId).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("of", entity.id())));
        return found;
    }

    @Override
    @Transactional
    public Decision releaseTo(Reader owner, String entityId, Reader recipient, String accessRequestId) {
        Decision unknown = new Decision(Decision.Visibility.HIDDEN, "no such entity held by the organisation");
        List<String> found = Ids.isWellFormed(entityId) ? jdbc.sql("SELECT marking_id FROM entity WHERE id = :id")
                .param("id", entityId).query(String.class).list() : List.of();
        if (found.isEmpty()) {
            return unknown;
        }
        Marking current = markings.find(found.getFirst()).orElseThrow();
        if (!current.ownerOrganisation().equals(owner.organisationId())) {
            return unknown;
        }
        Decision before = AccessPolicy.decide(recipient, INFORMATION_TYPE, current);
        if (before.visible()) {
            return before;
        }
        Marking widened = EntityRelease.widened(current, recipient);
        Decision after = AccessPolicy.decide(recipient, INFORMATION_TYPE, widened);
        if (!after.visible()) {
            return after;
        }
        String widenedId = markings.save(widened);
        jdbc.sql("UPDATE entity SET marking_id = :marking WHERE id = :id").param("marking", widenedId)
                .param("id", entityId).update();
        nameKeys.remarked(entityId, widenedId);
        events.publishEvent(new EntityRecorded(entityId));
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, owner.userId(), owner.organisationId(), INFORMATION_TYPE,
                List.of(entityId)).withPurpose(owner.purpose()).withDetails(EntityRelease.details(current,
                recipient, accessRequestId)));
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Entity> forProcessing(String entityId) {
        if (!Ids.isWellFormed(entityId)) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM entity e WHERE e.id = :id").param("id", entityId)
                .query(this::row).optional()
                .map(stored -> withMarking(stored.entity(), markings.find(stored.markingId()).orElseThrow()));
    }

    @Override
    public boolean erase(Reader actor, String entityId, String reason) {
        return erasure.erase(actor, entityId, reason);
    }

    @Override
    public String survivorOf(String entityId) {
        return Ids.isWellFormed(entityId) ? active(entityId) : entityId;
    }

    /** The entity that stands for {@code entityId} now: itself, or the survivor of the merges it went into. */
    String active(String entityId) {
        String current = entityId;
        // a chain is as long as the merges made into merged entities' survivors; bounded against a cycle
        for (int i = 0; i < 100; i++) {
            List<String> next = jdbc.sql("SELECT merged_into FROM entity WHERE id = :id AND merged_into IS NOT NULL")
                    .param("id", current).query(String.class).list();
            if (next.isEmpty()) {
                return current;
            }
            current = next.getFirst();
        }
        throw new IllegalStateException("merge chain longer than 100 from entity " + entityId);
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(Reader reader, EntityType type, String text) {
        SqlPredicate visible = VisibilityFilter.visible(reader, INFORMATION_TYPE, "e.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        // a merged-away entity is kept for provenance but listed only through its survivor
        String where = "e.merged_into IS NULL AND " + visible.sql();
        if (type != null) {
            params.put("type", type.name());
            where += " AND e.entity_type = :type";
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            params.put("text", like);
            where += " AND (e.label_lower LIKE :text ESCAPE '\\' OR LOWER(e.identifier_key) LIKE :text ESCAPE '\\')";
        }
        return new Query(where, params);
    }

    private long countWhere(Query q) {
        return jdbc.sql("SELECT COUNT(*) FROM entity e WHERE " + q.where).params(q.params).query(Long.class).single();
    }

    /** A row before its marking is attached: markings are fetched once per distinct id. */
    record Stored(Entity entity, String markingId) {
    }

    Stored row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> attributes = json.readValue(rs.getString("attributes"), MAP);
        return new Stored(new Entity(rs.getString("id"), EntityType.valueOf(rs.getString("entity_type")),
                rs.getString("label"), rs.getString("identifier_key"), attributes, null,
                rs.getString("owner_organisation_id"), rs.getTimestamp("created_at").toInstant()),
                rs.getString("marking_id"));
    }

    private static Entity withMarking(Entity e, Marking m) {
        return new Entity(e.id(), e.type(), e.label(), e.identifierKey(), e.attributes(), m, e.ownerOrganisationId(),
                e.createdAt());
    }

    List<Entity> withMarkings(List<Stored> rows) {
        Map<String, Marking> marks = markings.findAll(rows.stream().map(Stored::markingId).toList());
        return rows.stream().map(r -> withMarking(r.entity(), marks.get(r.markingId()))).toList();
    }

    @Override
    public List<String> unasserted(Instant createdBefore, String afterId, int limit) {
        return jdbc.sql("""
                SELECT e.id FROM entity e WHERE e.created_at < :before AND e.id > :after
                AND NOT EXISTS (SELECT 1 FROM entity_mention m WHERE m.entity_id = e.id)
                AND NOT EXISTS (SELECT 1 FROM entity_link l WHERE l.from_entity_id = e.id OR l.to_entity_id = e.id)
                AND NOT EXISTS (SELECT 1 FROM entity_merge_member mm WHERE mm.entity_id = e.id)
                AND NOT EXISTS (SELECT 1 FROM entity_merge mg WHERE mg.survivor_id = e.id)
                ORDER BY e.id LIMIT :limit""")
                .param("before", Timestamp.from(createdBefore)).param("after", afterId == null ? "" : afterId)
                .param("limit", limit).query(String.class).list();
    }
}
