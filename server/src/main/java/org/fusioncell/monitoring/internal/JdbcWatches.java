package org.fusioncell.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.monitoring.Watch;
import org.fusioncell.monitoring.WatchCriterion;
import org.fusioncell.monitoring.WatchDraft;
import org.fusioncell.monitoring.Watches;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches in SQL. A watch is visible to its owner and, when shared, to the users of the owner's
 * organisation; to anyone else it does not exist. Saves publish {@link WatchSaved} so the in-memory
 * watch set follows after commit.
 */
@Repository
class JdbcWatches implements Watches {

    static final int MAX_RECIPIENTS = 200;
    private static final String VISIBLE = "removed_at IS NULL AND (owner_user_id = :uid OR (shared AND owner_organisation_id = :org))";

    private final JdbcClient jdbc;
    private final Criteria criteria;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    JdbcWatches(JdbcClient jdbc, Criteria criteria, Colleagues colleagues, Organisations organisations, AuditLog audit,
                Clock clock, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.criteria = criteria;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    /**
     * Published (in-process, inside the saving transaction) when a watch is created, changed or removed;
     * {@code watch} is the saved watch, null when removed. The watch set applies it after commit.
     */
    record WatchSaved(String watchId, Watch watch) {
    }

    @Override
    @Transactional
    public Watch create(Reader owner, WatchDraft draft) {
        Valid v = validate(owner, draft);
        String id = Ids.newId();
        Instant now = now();
        jdbc.sql("""
                INSERT INTO monitoring_watch (id, name, kind, criterion, severity, owner_user_id, owner_organisation_id,
                    shared, recipient_users, recipient_organisations, escalate_after_minutes, active, version,
                    created_at, updated_at)
                VALUES (:id, :name, :kind, :criterion, :severity, :uid, :org, :shared, :users, :orgs, :escalate,
                    :active, 1, :now, :now)""")
                .param("id", id).params(v.params()).param("uid", owner.userId()).param("org", owner.organisationId())
                .param("now", Timestamp.from(now)).update();
        audit.record(AuditRecord.of(AuditAction.COLLECTION, owner.userId(), owner.organisationId(), INFORMATION_TYPE,
                List.of(id)).withPurpose(owner.purpose()).withDetails(Map.of("kind", v.criterion().kind())));
        Watch saved = find(id).orElseThrow();
        events.publishEvent(new WatchSaved(id, saved));
        return saved;
    }

    @Override
    @Transactional
    public Page<Watch> list(Reader reader, PageRequest page) {
        List<Watch> items = jdbc.sql("SELECT * FROM monitoring_watch WHERE " + VISIBLE
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("uid", reader.userId()).param("org", reader.organisationId()).param("limit", page.size())
                .param("offset", page.offset()).query(this::row).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM monitoring_watch WHERE " + VISIBLE).param("uid", reader.userId())
                .param("org", reader.organisationId()).query(Long.class).single();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                items.stream().map(Watch::id).toList()).withPurpose(reader.purpose()));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public Optional<Watch> open(Reader reader, String watchId) {
        Optional<Watch> found = visible(reader, watchId);
        found.ifPresent(w -> audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(),
                reader.organisationId(), INFORMATION_TYPE, List.of(w.id())).withPurpose(reader.purpose())));
        return found;
    }

    @Override
    @Transactional
    public Optional<Watch> update(Reader reader, String watchId, int expectedVersion, WatchDraft draft) {
        if (visible(reader, watchId).isEmpty()) {
            return Optional.empty();
        }
        Valid v = validate(reader, draft);
        int changed = jdbc.sql("""
                UPDATE monitoring_watch SET name = :name, kind = :kind, criterion = :criterion, severity = :severity,
                    shared = :shared, recipient_users = :users, recipient_organisations = :orgs,
                    escalate_after_minutes = :escalate, active = :active, version = version + 1, updated_at = :now
                WHERE id = :id AND version = :version AND removed_at IS NULL""")
                .params(v.params()).param("id", watchId).param("version", expectedVersion)
                .param("now", Timestamp.from(now())).update();
        if (changed == 0) {
            return Optional.empty();
        }
        audit.record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(watchId)).withPurpose(reader.purpose()).withDetails(Map.of("kind", v.criterion().kind())));
        Optional<Watch> saved = find(watchId);
        events.publishEvent(new WatchSaved(watchId, saved.orElse(null)));
        return saved;
    }

    @Override
    @Transactional
    public boolean remove(Reader reader, String watchId) {
        if (visible(reader, watchId).isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE monitoring_watch SET removed_at = :now, active = FALSE WHERE id = :id")
                .param("now", Timestamp.from(now())).param("id", watchId).update();
        audit.record(AuditRecord.of(AuditAction.ERASURE, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                List.of(watchId)).withPurpose(reader.purpose()));
        events.publishEvent(new WatchSaved(watchId, null));
        return true;
    }

    /** The stored watch without an access check, for evaluation; empty when removed. */
    Optional<Watch> find(String watchId) {
        return jdbc.sql("SELECT * FROM monitoring_watch WHERE id = :id AND removed_at IS NULL").param("id", watchId)
                .query(this::row).optional();
    }

    List<Watch> allActive() {
        return jdbc.sql("SELECT * FROM monitoring_watch WHERE removed_at IS NULL AND active ORDER BY id")
                .query(this::row).list();
    }

    private Optional<Watch> visible(Reader reader, String watchId) {
        if (!Ids.isWellFormed(watchId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM monitoring_watch WHERE id = :id AND " + VISIBLE).param("id", watchId)
                .param("uid", reader.userId()).param("org", reader.organisationId()).query(this::row).optional();
    }

    private record Valid(WatchCriterion criterion, Map<String, Object> params) {
    }

    private Valid validate(Reader owner, WatchDraft d) {
        if (d == null) {
            throw new InvalidInputException("body", "a watch is required");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 200) {
            throw new InvalidInputException("name", "is required, at most 200 characters");
        }
        Severity severity;
        try {
            severity = Severity.valueOf((d.severity() == null ? "MEDIUM" : d.severity()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("severity", "must be one of LOW, MEDIUM, HIGH, CRITICAL");
        }
        List<String> users = distinct(d.recipientUserIds(), "recipientUserIds");
        Map<String, String> known = colleagues.displayNames(owner.organisationId(), users);
        for (int i = 0; i < users.size(); i++) {
            if (!known.containsKey(users.get(i))) {
                throw new InvalidInputException("recipientUserIds[" + i + "]",
                        "is not a user of your organisation (address other agencies as organisations)");
            }
        }
        List<String> orgs = distinct(d.recipientOrganisationIds(), "recipientOrganisationIds");
        for (int i = 0; i < orgs.size(); i++) {
            if (!Ids.isWellFormed(orgs.get(i)) || organisations.find(orgs.get(i)).isEmpty()) {
                throw new InvalidInputException("recipientOrganisationIds[" + i + "]", "is not a known organisation");
            }
        }
        Integer escalate = d.escalateAfterMinutes();
        if (escalate != null && (escalate < 1 || escalate > 10080)) {
            throw new InvalidInputException("escalateAfterMinutes", "must be between 1 and 10080 (a week), or absent");
        }
        WatchCriterion criterion = criteria.read(owner, d.criterion());
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", d.name().strip());
        params.put("kind", criterion.kind());
        params.put("criterion", json.writeValueAsString(Criteria.toMap(criterion)));
        params.put("severity", severity.name());
        params.put("shared", Boolean.TRUE.equals(d.shared()));
        params.put("users", json.writeValueAsString(users));
        params.put("orgs", json.writeValueAsString(orgs));
        params.put("escalate", escalate);
        params.put("active", d.active() == null || d.active());
        return new Valid(criterion, params);
    }

    private static List<String> distinct(List<String> ids, String field) {
        List<String> out = ids == null ? List.of() : ids.stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).distinct().toList();
        if (out.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException(field, "at most " + MAX_RECIPIENTS + " recipients");
        }
        return out;
    }

    private Watch row(ResultSet rs, int n) throws SQLException {
        Integer escalate = (Integer) rs.getObject("escalate_after_minutes");
        return new Watch(rs.getString("id"), rs.getString("name"),
                Criteria.fromStored(json.readValue(rs.getString("criterion"), MAP)),
                Severity.valueOf(rs.getString("severity")), rs.getString("owner_user_id"),
                rs.getString("owner_organisation_id"), rs.getBoolean("shared"),
                json.readValue(rs.getString("recipient_users"), LIST), json.readValue(rs.getString("recipient_organisations"), LIST),
                escalate == null ? null : Duration.ofMinutes(escalate), rs.getBoolean("active"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };
}
