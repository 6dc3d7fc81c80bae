package org.fusioncell.entities.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityErased;
import org.fusioncell.entities.EntityRecorded;
import org.fusioncell.entities.EntityType;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportErased;
import org.fusioncell.intake.Reports;
import org.fusioncell.access.Markings;
import org.fusioncell.shared.ErasureReason;
import org.fusioncell.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure in the entity graph, each in one transaction: of an entity (with what only it holds), of one link,
 * and of what the entity graph holds for a report intake erases (mentions, the links it asserts, extraction
 * proposals) in intake's own transaction. Merge records that would point at an erased row go with it, so a
 * later split never tries to put back what no longer exists.
 */
@Component
class EntityErasure {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> FILLED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final NameKeyStore nameKeys;
    private final JsonMapper json;
    private final Reports reports;
    private final Markings markings;

    EntityErasure(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, NameKeyStore nameKeys,
                  JsonMapper json, Reports reports, Markings markings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.nameKeys = nameKeys;
        this.json = json;
        this.reports = reports;
        this.markings = markings;
    }

    /** Synchronous, in intake's transaction: a failure here rolls the report's erasure back as well. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ReportErased event) {
        String report = event.reportId();
        List<String> mentioned = jdbc.sql("SELECT entity_id FROM entity_mention WHERE report_id = :r ORDER BY entity_id")
                .param("r", report).query(String.class).list();
        List<String> links = jdbc.sql("SELECT id FROM entity_link WHERE report_id = :r ORDER BY id")
                .param("r", report).query(String.class).list();
        forgetMoves("MENTION", jdbc.sql("SELECT id FROM entity_mention WHERE report_id = :r").param("r", report)
                .query(String.class).list());
        forgetMoves("LINK", links);
        jdbc.sql("DELETE FROM entity_mention WHERE report_id = :r").param("r", report).update();
        jdbc.sql("DELETE FROM entity_link WHERE report_id = :r").param("r", report).update();
        int proposals = jdbc.sql("DELETE FROM entity_proposal WHERE report_id = :r").param("r", report).update();
        jdbc.sql("DELETE FROM entity_extraction WHERE report_id = :r").param("r", report).update();
        Map<String, String> details = Map.of("reason", event.reason(), "report", report,
                "proposals", String.valueOf(proposals));
        if (!mentioned.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.ERASURE, event.erasedBy(), event.organisationId(), "entity-mention",
                    mentioned).withPurpose("report erasure").withDetails(details));
        }
        if (!links.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.ERASURE, event.erasedBy(), event.organisationId(),
                    Links.INFORMATION_TYPE, links).withPurpose("report erasure").withDetails(details));
        }
    }

    @Transactional
    boolean unlink(Reader actor, String linkId, String reason) {
        String why = ErasureReason.checked(reason);
        List<String[]> found = locked("SELECT report_id, marking_id FROM entity_link WHERE id = :id FOR UPDATE", linkId);
        if (found.isEmpty()) {
            return false;
        }
        String reportId = found.getFirst()[0];
        String asserting = (reportId == null ? java.util.Optional.<Report>empty() : reports.forProcessing(reportId))
                .map(Report::originatingOrganisationId)
                .orElseGet(() -> markings.find(found.getFirst()[1]).orElseThrow().ownerOrganisation());
        if (!refusedUnlessOwner(actor, asserting, Links.INFORMATION_TYPE, linkId)) {
            return false;
        }
        forgetMoves("LINK", List.of(linkId));
        jdbc.sql("DELETE FROM entity_link WHERE id = :id").param("id", linkId).update();
        Map<String, String> details = new HashMap<>(Map.of("reason", why));
        if (reportId != null) {
            details.put("report", reportId);
        }
        audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(), Links.INFORMATION_TYPE,
                List.of(linkId)).withPurpose(actor.purpose()).withDetails(details));
        return true;
    }

    @Transactional
    boolean erase(Reader actor, String entityId, String reason) {
        String why = ErasureReason.checked(reason);
        List<String[]> found = locked("SELECT owner_organisation_id, merged_into FROM entity WHERE id = :id FOR UPDATE",
                entityId);
        if (found.isEmpty() || !refusedUnlessOwner(actor, found.getFirst()[0], Entities.INFORMATION_TYPE, entityId)) {
            return false;
        }
        String survivor = found.getFirst()[1];
        if (survivor != null) {
            takeOutOf(survivor, entityId);
        }
        List<String> erased = withAbsorbed(entityId);
        List<String> mentions = jdbc.sql("SELECT id FROM entity_mention WHERE entity_id IN (:ids)")
                .param("ids", erased).query(String.class).list();
        List<String> links = jdbc.sql("SELECT id FROM entity_link WHERE from_entity_id IN (:ids) OR to_entity_id IN (:ids)"
                + " ORDER BY id").param("ids", erased).query(String.class).list();
        forgetMoves("MENTION", mentions);
        forgetMoves("LINK", links);
        jdbc.sql("DELETE FROM entity_mention WHERE entity_id IN (:ids)").param("ids", erased).update();
        jdbc.sql("DELETE FROM entity_link WHERE from_entity_id IN (:ids) OR to_entity_id IN (:ids)")
                .param("ids", erased).update();
        jdbc.sql("DELETE FROM entity_correlation WHERE entity_id IN (:ids)").param("ids", erased).update();
        jdbc.sql("DELETE FROM entity_name_key WHERE entity_id IN (:ids)").param("ids", erased).update();
        // the merges into any erased entity, and every trace of an erased entity in other merges
        List<String> merges = jdbc.sql("SELECT id FROM entity_merge WHERE survivor_id IN (:ids)"
                + " UNION SELECT merge_id FROM entity_merge_member WHERE entity_id IN (:ids)")
                .param("ids", erased).query(String.class).list();
        jdbc.sql("DELETE FROM entity_merge_move WHERE origin_entity_id IN (:ids)").param("ids", erased).update();
        jdbc.sql("DELETE FROM entity_merge_member WHERE entity_id IN (:ids)").param("ids", erased).update();
        if (!merges.isEmpty()) {
            List<String> empty = jdbc.sql("SELECT g.id FROM entity_merge g WHERE g.id IN (:merges) AND (g.survivor_id IN (:ids)"
                            + " OR NOT EXISTS (SELECT 1 FROM entity_merge_member m WHERE m.merge_id = g.id))")
                    .param("merges", merges).param("ids", erased).query(String.class).list();
            if (!empty.isEmpty()) {
                jdbc.sql("DELETE FROM entity_merge_move WHERE merge_id IN (:m)").param("m", empty).update();
                jdbc.sql("DELETE FROM entity_merge_member WHERE merge_id IN (:m)").param("m", empty).update();
                jdbc.sql("DELETE FROM entity_merge WHERE id IN (:m)").param("m", empty).update();
            }
        }
        jdbc.sql("DELETE FROM entity WHERE id IN (:ids)").param("ids", erased).update();
        erased.forEach(id -> events.publishEvent(new EntityErased(id, actor.organisationId())));
        Map<String, String> details = new HashMap<>(Map.of("reason", why, "mentions", String.valueOf(mentions.size()),
                "links", String.valueOf(links.size()), "absorbed", String.valueOf(erased.size() - 1)));
        if (survivor != null) {
            details.put("takenOutOf", survivor);
        }
        audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                Entities.INFORMATION_TYPE, erased).withPurpose(actor.purpose()).withDetails(details));
        if (!links.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.ERASURE, actor.userId(), actor.organisationId(),
                    Links.INFORMATION_TYPE, links).withPurpose(actor.purpose())
                    .withDetails(Map.of("reason", why, "entity", entityId)));
        }
        return true;
    }

    /** The two columns {@code sql} selects for the row {@code id}, locked; none for an id not well formed. */
    private List<String[]> locked(String sql, String id) {
        return !Ids.isWellFormed(id) ? List.of() : jdbc.sql(sql).param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** True when {@code actor} is of {@code owner}; otherwise audits the refused attempt. */
    private boolean refusedUnlessOwner(Reader actor, String owner, String type, String id) {
        if (owner.equals(actor.organisationId())) {
            return true;
        }
        audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, actor.userId(), actor.organisationId(), type,
                List.of(id)).withPurpose(actor.purpose()).withOutcome("REFUSED")
                .withDetails(Map.of("attempted", "erasure", "reason", "not the owner organisation")));
        return false;
    }

    /** The entity and every entity merged into it, directly or through a chain of merges. */
    private List<String> withAbsorbed(String entityId) {
        Set<String> all = new LinkedHashSet<>(List.of(entityId));
        List<String> frontier = List.of(entityId);
        while (!frontier.isEmpty()) {
            frontier = jdbc.sql("SELECT id FROM entity WHERE merged_into IN (:ids) ORDER BY id").param("ids", frontier)
                    .query(String.class).list().stream().filter(all::add).toList();
        }
        return new ArrayList<>(all);
    }

    /**
     * What the standing merge of {@code member} into {@code survivorId} gave the survivor from it goes back:
     * the attribute values it filled in, and the correlation rows the merge added for its keys unless the
     * survivor holds the key itself or another standing move still gives it.
     */
    private void takeOutOf(String survivorId, String member) {
        List<String[]> standing = jdbc.sql("""
                        SELECT g.id, g.filled_attributes FROM entity_merge g JOIN entity_merge_member m ON m.merge_id = g.id
                        WHERE m.entity_id = :member AND g.survivor_id = :survivor AND g.split_at IS NULL""")
                .param("member", member).param("survivor", survivorId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (standing.isEmpty()) {
            return;
        }
        String mergeId = standing.getFirst()[0];
        Map<String, String> filled = json.readValue(standing.getFirst()[1], FILLED);
        record Survivor(EntityType type, String markingId, String key, Map<String, Object> attributes) {
        }
        Survivor s = jdbc.sql("SELECT entity_type, marking_id, identifier_key, attributes FROM entity WHERE id = :id FOR UPDATE")
                .param("id", survivorId).query((rs, n) -> new Survivor(EntityType.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), json.readValue(rs.getString(4), MAP))).single();
        Map<String, Object> attributes = MergedAttributes.without(s.attributes(), List.of(member), filled);
        jdbc.sql("UPDATE entity SET attributes = :a WHERE id = :id").param("a", json.writeValueAsString(attributes))
                .param("id", survivorId).update();
        Map<String, String> remaining = new HashMap<>(filled);
        remaining.values().removeIf(member::equals);
        jdbc.sql("UPDATE entity_merge SET filled_attributes = :f WHERE id = :id")
                .param("f", json.writeValueAsString(remaining)).param("id", mergeId).update();
        nameKeys.index(survivorId, s.type(), s.markingId(), attributes);
        List<String> added = jdbc.sql("SELECT row_ref FROM entity_merge_move WHERE merge_id = :merge"
                        + " AND origin_entity_id = :member AND kind = 'CORRELATION' AND added = TRUE")
                .param("merge", mergeId).param("member", member).query(String.class).list();
        for (String key : added) {
            if (key.equals(s.key())) {
                continue;
            }
            jdbc.sql("""
                    DELETE FROM entity_correlation WHERE identifier_key = :key AND entity_id = :survivor
                    AND NOT EXISTS (SELECT 1 FROM entity_merge_move o JOIN entity_merge g ON g.id = o.merge_id
                        WHERE g.survivor_id = :survivor AND g.split_at IS NULL AND o.kind = 'CORRELATION'
                        AND o.row_ref = :key AND o.origin_entity_id <> :member)""")
                    .param("key", key).param("survivor", survivorId).param("member", member).update();
        }
        events.publishEvent(new EntityRecorded(survivorId));
    }

    /** Merge records of rows about to go: a split must not look for them. {@code kind} MENTION or LINK. */
    private void forgetMoves(String kind, List<String> rowIds) {
        if (rowIds.isEmpty()) {
            return;
        }
        String kinds = kind.equals("LINK") ? "('LINK_FROM', 'LINK_TO')" : "('MENTION')";
        jdbc.sql("DELETE FROM entity_merge_move WHERE kind IN " + kinds + " AND row_ref IN (:ids)")
                .param("ids", rowIds).update();
    }
}
