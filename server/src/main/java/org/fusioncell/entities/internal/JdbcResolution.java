package org.fusioncell.entities.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityRecorded;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.Merge;
import org.fusioncell.entities.MergeOutcome;
import org.fusioncell.entities.MergeSuggestion;
import org.fusioncell.entities.Refusal;
import org.fusioncell.entities.Resolution;
import org.fusioncell.entities.SplitOutcome;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolution as a command per merge and split, audited in its own transaction (ALTERATION, with the
 * analyst's reason as the justification); refusals are audited too. Entities are locked in id order, so
 * two merges touching the same entities wait for each other instead of interleaving.
 */
@Service
class JdbcResolution implements Resolution {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final MergeSuggestions suggestions;
    private final Merging merging;
    private final ApplicationEventPublisher events;

    JdbcResolution(JdbcClient jdbc, Markings markings, AuditLog audit, Clock clock, JsonMapper json,
                   MergeSuggestions suggestions, Merging merging, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.suggestions = suggestions;
        this.merging = merging;
        this.events = events;
    }

    @Override
    @Transactional
    public List<MergeSuggestion> suggestions(Reader reader, Entity entity) {
        boolean mergedAway = jdbc.sql("SELECT COUNT(*) FROM entity WHERE id = :id AND merged_into IS NOT NULL")
                .param("id", entity.id()).query(Long.class).single() > 0;
        List<MergeSuggestion> found = mergedAway ? List.of() : suggestions.find(reader, entity);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                        Entities.INFORMATION_TYPE, found.stream().map(s -> s.candidate().id()).toList())
                .withPurpose(reader.purpose())
                .withDetails(Map.of("view", "merge-suggestions", "of", entity.id(), "count", String.valueOf(found.size()))));
        return found;
    }

    @Override
    @Transactional
    public MergeOutcome merge(Reader analyst, String survivorId, List<String> otherIds, String reason) {
        String why = reason(reason);
        List<String> others = others(otherIds);
        Set<String> all = new LinkedHashSet<>();
        all.add(survivorId);
        all.addAll(others);
        Map<String, Merging.Locked> rows = visibleLocked(analyst, all);
        if (rows == null) {
            denied(analyst, "merge", all, why);
            return new MergeOutcome.Unknown();
        }
        Merging.Locked survivor = rows.get(survivorId);
        Refusal refusal = others.contains(survivorId) ? Refusal.SAME_ENTITY
                : rows.values().stream().anyMatch(r -> r.mergedInto() != null) ? Refusal.ALREADY_MERGED
                : rows.values().stream().anyMatch(r -> r.type() != survivor.type()) ? Refusal.DIFFERENT_TYPE
                : rows.values().stream().anyMatch(r -> !r.markingId().equals(survivor.markingId())) ? Refusal.DIFFERENT_MARKING
                : null;
        if (refusal != null) {
            refused(analyst, "merge", all, why, refusal);
            return new MergeOutcome.Refused(refusal);
        }
        Merge merge = merging.merge(analyst, survivor, others.stream().map(rows::get).toList(), why, now());
        audit.record(AuditRecord.of(AuditAction.ALTERATION, analyst.userId(), analyst.organisationId(),
                        Entities.INFORMATION_TYPE, List.copyOf(all)).withPurpose(analyst.purpose()).withJustification(why)
                .withDetails(Map.of("operation", "merge", "merge", merge.id(), "survivor", survivorId,
                        "merged", String.join(",", others))));
        all.forEach(id -> events.publishEvent(new EntityRecorded(id)));
        return new MergeOutcome.Merged(merge);
    }

    @Override
    @Transactional
    public SplitOutcome split(Reader analyst, String survivorId, String mergeId, String reason) {
        String why = reason(reason);
        if (!Ids.isWellFormed(survivorId) || !Ids.isWellFormed(mergeId)) {
            return new SplitOutcome.Unknown();
        }
        List<Boolean> split = jdbc.sql("SELECT split_at IS NOT NULL FROM entity_merge WHERE id = :merge"
                        + " AND survivor_id = :survivor FOR UPDATE")
                .param("merge", mergeId).param("survivor", survivorId).query(Boolean.class).list();
        Set<String> all = new LinkedHashSet<>(List.of(survivorId));
        if (split.isEmpty()) {
            denied(analyst, "split", all, why);
            return new SplitOutcome.Unknown();
        }
        List<String> members = jdbc.sql("SELECT entity_id FROM entity_merge_member WHERE merge_id = :merge ORDER BY entity_id")
                .param("merge", mergeId).query(String.class).list();
        all.addAll(members);
        // the merge names its entities: an analyst who may not see each of them may not learn of it
        Map<String, Merging.Locked> rows = visibleLocked(analyst, all);
        if (rows == null) {
            denied(analyst, "split", all, why);
            return new SplitOutcome.Unknown();
        }
        Refusal refusal = split.getFirst() ? Refusal.ALREADY_SPLIT
                : rows.get(survivorId).mergedInto() != null ? Refusal.SURVIVOR_MERGED_AWAY : null;
        if (refusal != null) {
            refused(analyst, "split", all, why, refusal);
            return new SplitOutcome.Refused(refusal);
        }
        Instant now = now();
        merging.split(analyst, mergeId, rows.get(survivorId), members.stream().map(rows::get).toList(), why, now);
        audit.record(AuditRecord.of(AuditAction.ALTERATION, analyst.userId(), analyst.organisationId(),
                        Entities.INFORMATION_TYPE, List.copyOf(all)).withPurpose(analyst.purpose()).withJustification(why)
                .withDetails(Map.of("operation", "split", "merge", mergeId, "survivor", survivorId,
                        "restored", String.join(",", members))));
        all.forEach(id -> events.publishEvent(new EntityRecorded(id)));
        return new SplitOutcome.Split(history(analyst, survivorId, List.of(mergeId)).getFirst());
    }

    @Override
    @Transactional
    public List<Merge> history(Reader reader, Entity entity) {
        List<String> ids = jdbc.sql("SELECT g.id FROM entity_merge g WHERE g.survivor_id = :id OR g.id IN"
                        + " (SELECT mm.merge_id FROM entity_merge_member mm WHERE mm.entity_id = :id)")
                .param("id", entity.id()).query(String.class).list();
        List<Merge> found = history(reader, entity.id(), ids);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                        Entities.INFORMATION_TYPE, List.of(entity.id())).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "merges", "count", String.valueOf(found.size()))));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> mergedInto(Reader reader, String entityId) {
        if (!Ids.isWellFormed(entityId)) {
            return Optional.empty();
        }
        String current = entityId;
        for (int i = 0; i < 100; i++) {
            List<String> next = jdbc.sql("SELECT merged_into FROM entity WHERE id = :id AND merged_into IS NOT NULL")
                    .param("id", current).query(String.class).list();
            if (next.isEmpty()) {
                break;
            }
            current = next.getFirst();
        }
        if (current.equals(entityId)) {
            return Optional.empty();
        }
        String target = current;
        return jdbc.sql("SELECT marking_id FROM entity WHERE id = :id").param("id", target).query(String.class)
                .optional().flatMap(markings::find)
                .filter(m -> AccessPolicy.decide(reader, Entities.INFORMATION_TYPE, m).visible())
                .map(m -> target);
    }

    /** Merges by id, newest first, each with the merged entities the reader may see; none seen, not listed. */
    private List<Merge> history(Reader reader, String entityId, List<String> mergeIds) {
        if (mergeIds.isEmpty()) {
            return List.of();
        }
        SqlPredicate visible = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "e.marking_id");
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.sql("SELECT mm.merge_id, mm.entity_id FROM entity_merge_member mm JOIN entity e ON e.id = mm.entity_id"
                        + " WHERE mm.merge_id IN (:ids) AND " + visible.sql() + " ORDER BY mm.entity_id")
                .params(visible.params()).param("ids", mergeIds)
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        SqlPredicate survivor = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "s.marking_id");
        return jdbc.sql("SELECT g.* FROM entity_merge g JOIN entity s ON s.id = g.survivor_id WHERE g.id IN (:ids) AND "
                        + survivor.sql() + " ORDER BY g.merged_at DESC, g.id DESC")
                .params(survivor.params()).param("ids", mergeIds)
                .query((rs, n) -> new Merge(rs.getString("id"), rs.getString("survivor_id"),
                        members.getOrDefault(rs.getString("id"), List.of()), rs.getString("reason"),
                        rs.getString("merged_by"), rs.getString("merged_by_organisation"),
                        rs.getTimestamp("merged_at").toInstant(), rs.getString("split_by"),
                        rs.getTimestamp("split_at") == null ? null : rs.getTimestamp("split_at").toInstant(),
                        rs.getString("split_reason"))).list()
                .stream().filter(m -> !m.mergedIds().isEmpty()).toList();
    }

    /**
     * Locks the entities in id order and answers them if the analyst may see every one, null otherwise
     * (absent, malformed, existence-only or hidden: one and the same answer).
     */
    private Map<String, Merging.Locked> visibleLocked(Reader analyst, Set<String> ids) {
        if (ids.stream().anyMatch(id -> !Ids.isWellFormed(id))) {
            return null;
        }
        List<Merging.Locked> rows = jdbc.sql("SELECT id, entity_type, marking_id, merged_into, attributes FROM entity"
                        + " WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", List.copyOf(ids))
                .query((rs, n) -> new Merging.Locked(rs.getString(1), EntityType.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), json.readValue(rs.getString(5), MAP))).list();
        if (rows.size() != ids.size()) {
            return null;
        }
        Map<String, Marking> marks = markings.findAll(rows.stream().map(Merging.Locked::markingId).toList());
        Map<String, Merging.Locked> out = new LinkedHashMap<>();
        for (Merging.Locked r : rows) {
            if (!AccessPolicy.decide(analyst, Entities.INFORMATION_TYPE, marks.get(r.markingId())).visible()) {
                return null;
            }
            out.put(r.id(), r);
        }
        return out;
    }

    private void denied(Reader analyst, String operation, Set<String> ids, String why) {
        audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, analyst.userId(), analyst.organisationId(),
                        Entities.INFORMATION_TYPE, ids.stream().filter(Ids::isWellFormed).toList())
                .withPurpose(analyst.purpose()).withJustification(why).withOutcome("UNKNOWN")
                .withDetails(Map.of("operation", operation)));
    }

    private void refused(Reader analyst, String operation, Set<String> ids, String why, Refusal refusal) {
        audit.record(AuditRecord.of(AuditAction.ALTERATION, analyst.userId(), analyst.organisationId(),
                        Entities.INFORMATION_TYPE, List.copyOf(ids)).withPurpose(analyst.purpose()).withJustification(why)
                .withOutcome("REFUSED").withDetails(Map.of("operation", operation, "refusal", refusal.name())));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why (it is kept in the audit log)");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private static List<String> others(List<String> otherIds) {
        if (otherIds == null || otherIds.isEmpty()) {
            throw new InvalidInputException("otherIds", "at least one entity to merge is required");
        }
        if (otherIds.size() > MAX_MERGED) {
            throw new InvalidInputException("otherIds", "at most " + MAX_MERGED + " entities at once");
        }
        for (int i = 0; i < otherIds.size(); i++) {
            if (otherIds.get(i) == null) {
                throw new InvalidInputException("otherIds[" + i + "]", "an entity id is required");
            }
            if (otherIds.subList(0, i).contains(otherIds.get(i))) {
                throw new InvalidInputException("otherIds[" + i + "]", "named twice");
            }
        }
        return List.copyOf(otherIds);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
