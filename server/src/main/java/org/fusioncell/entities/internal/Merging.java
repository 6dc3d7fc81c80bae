package org.fusioncell.entities.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.Merge;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writes of a merge and of its split, inside the caller's transaction, on rows the caller has locked
 * and checked (visible to the analyst, one type, one marking, none merged away). Every row a merge
 * re-points is recorded in {@code entity_merge_move} with the entity it came from, and a split moves back
 * exactly those rows: later merges into the same survivor are left as they are.
 */
@Component
class Merging {

    /** An entity row as locked for a merge or a split. */
    record Locked(String id, EntityType type, String markingId, String mergedInto, Map<String, Object> attributes) {
    }

    /** One row a merge re-pointed, as {@code entity_merge_move} records it. */
    private record Move(String kind, String ref, String origin, boolean added) {
    }

    private static final TypeReference<Map<String, String>> FILLED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final NameKeyStore nameKeys;

    Merging(JdbcClient jdbc, JsonMapper json, NameKeyStore nameKeys) {
        this.jdbc = jdbc;
        this.json = json;
        this.nameKeys = nameKeys;
    }

    Merge merge(Reader analyst, Locked survivor, List<Locked> members, String reason, Instant now) {
        String mergeId = Ids.newId();
        List<String> all = new ArrayList<>(List.of(survivor.id()));
        members.forEach(m -> all.add(m.id()));
        MergedAttributes.Union union = MergedAttributes.union(survivor.type(), survivor.attributes(),
                members.stream().map(m -> new MergedAttributes.Member(m.id(), m.attributes())).toList());
        jdbc.sql("""
                INSERT INTO entity_merge (id, survivor_id, reason, filled_attributes, merged_by, merged_by_organisation,
                    merged_at) VALUES (:id, :survivor, :reason, :filled, :by, :org, :now)""")
                .param("id", mergeId).param("survivor", survivor.id()).param("reason", reason)
                .param("filled", json.writeValueAsString(union.filled())).param("by", analyst.userId())
                .param("org", analyst.organisationId()).param("now", Timestamp.from(now)).update();
        for (Locked m : members) {
            jdbc.sql("INSERT INTO entity_merge_member (merge_id, entity_id) VALUES (:merge, :id)")
                    .param("merge", mergeId).param("id", m.id()).update();
            // a report that already mentions the survivor keeps that one mention; the other stays where it was
            List<String> mentions = jdbc.sql("SELECT m.id FROM entity_mention m WHERE m.entity_id = :member"
                            + " AND NOT EXISTS (SELECT 1 FROM entity_mention s WHERE s.entity_id = :survivor"
                            + " AND s.report_id = m.report_id) ORDER BY m.id")
                    .param("member", m.id()).param("survivor", survivor.id()).query(String.class).list();
            // a mention moved for one member must not be duplicated by the next member's mention of that report
            for (String mention : mentions) {
                int moved = jdbc.sql("UPDATE entity_mention SET entity_id = :survivor WHERE id = :mention"
                                + " AND NOT EXISTS (SELECT 1 FROM entity_mention s WHERE s.entity_id = :survivor"
                                + " AND s.report_id = (SELECT r.report_id FROM entity_mention r WHERE r.id = :mention))")
                        .param("survivor", survivor.id()).param("mention", mention).update();
                if (moved > 0) {
                    move(mergeId, "MENTION", mention, m.id(), false);
                }
            }
            // a link between two of the merged entities stays as asserted: re-pointed it would join the survivor to itself
            for (String end : List.of("from", "to")) {
                String other = end.equals("from") ? "to" : "from";
                List<String> links = jdbc.sql("SELECT id FROM entity_link WHERE " + end + "_entity_id = :member AND "
                                + other + "_entity_id NOT IN (:all) ORDER BY id")
                        .param("member", m.id()).param("all", all).query(String.class).list();
                for (String link : links) {
                    jdbc.sql("UPDATE entity_link SET " + end + "_entity_id = :survivor WHERE id = :link")
                            .param("survivor", survivor.id()).param("link", link).update();
                    move(mergeId, end.equals("from") ? "LINK_FROM" : "LINK_TO", link, m.id(), false);
                }
            }
            List<String> keys = jdbc.sql("SELECT identifier_key FROM entity_correlation WHERE entity_id = :member"
                    + " ORDER BY identifier_key").param("member", m.id()).query(String.class).list();
            for (String key : keys) {
                int added = jdbc.sql("INSERT INTO entity_correlation (identifier_key, entity_id, created_at)"
                                + " VALUES (:key, :survivor, :now) ON CONFLICT DO NOTHING")
                        .param("key", key).param("survivor", survivor.id()).param("now", Timestamp.from(now)).update();
                jdbc.sql("DELETE FROM entity_correlation WHERE identifier_key = :key AND entity_id = :member")
                        .param("key", key).param("member", m.id()).update();
                move(mergeId, "CORRELATION", key, m.id(), added > 0);
            }
            jdbc.sql("UPDATE entity SET merged_into = :survivor WHERE id = :member")
                    .param("survivor", survivor.id()).param("member", m.id()).update();
            nameKeys.remove(m.id());
        }
        writeAttributes(survivor, union.attributes());
        return new Merge(mergeId, survivor.id(), members.stream().map(Locked::id).toList(), reason,
                analyst.userId(), analyst.organisationId(), now, null, null, null);
    }

    /** Moves back what merge {@code mergeId} moved and takes back what it added to the survivor's attributes. */
    void split(Reader analyst, String mergeId, Locked survivor, List<Locked> members, String reason, Instant now) {
        List<String> memberIds = members.stream().map(Locked::id).toList();
        List<Move> moves = jdbc.sql("SELECT kind, row_ref, origin_entity_id, added FROM entity_merge_move"
                        + " WHERE merge_id = :merge ORDER BY kind, row_ref, origin_entity_id").param("merge", mergeId)
                .query((rs, n) -> new Move(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
        for (Move mv : moves) {
            switch (mv.kind()) {
                case "MENTION" -> back("entity_mention", "entity_id", mv, survivor.id());
                case "LINK_FROM" -> back("entity_link", "from_entity_id", mv, survivor.id());
                case "LINK_TO" -> back("entity_link", "to_entity_id", mv, survivor.id());
                case "CORRELATION" -> {
                    // the survivor's row goes only if this merge added it and no other standing merge relies on it
                    if (mv.added()) {
                        jdbc.sql("""
                                DELETE FROM entity_correlation WHERE identifier_key = :key AND entity_id = :survivor
                                AND NOT EXISTS (SELECT 1 FROM entity_merge_move o JOIN entity_merge g ON g.id = o.merge_id
                                    WHERE g.survivor_id = :survivor AND g.split_at IS NULL AND g.id <> :merge
                                    AND o.kind = 'CORRELATION' AND o.row_ref = :key)""")
                                .param("key", mv.ref()).param("survivor", survivor.id()).param("merge", mergeId).update();
                    }
                    jdbc.sql("INSERT INTO entity_correlation (identifier_key, entity_id, created_at)"
                                    + " VALUES (:key, :origin, :now) ON CONFLICT DO NOTHING")
                            .param("key", mv.ref()).param("origin", mv.origin()).param("now", Timestamp.from(now)).update();
                }
                default -> throw new IllegalStateException("unknown merge move kind " + mv.kind() + " in merge " + mergeId);
            }
        }
        String filledJson = jdbc.sql("SELECT filled_attributes FROM entity_merge WHERE id = :merge")
                .param("merge", mergeId).query(String.class).single();
        writeAttributes(survivor, MergedAttributes.without(survivor.attributes(), memberIds,
                json.readValue(filledJson, FILLED)));
        jdbc.sql("UPDATE entity SET merged_into = NULL WHERE id IN (:members)").param("members", memberIds).update();
        members.forEach(m -> nameKeys.index(m.id(), m.type(), m.markingId(), m.attributes()));
        jdbc.sql("""
                UPDATE entity_merge SET split_by = :by, split_by_organisation = :org, split_at = :now, split_reason = :reason
                WHERE id = :merge""").param("by", analyst.userId()).param("org", analyst.organisationId())
                .param("now", Timestamp.from(now)).param("reason", reason).param("merge", mergeId).update();
    }

    private void back(String table, String column, Move mv, String survivorId) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = :origin WHERE id = :ref AND " + column + " = :survivor")
                .param("origin", mv.origin()).param("ref", mv.ref()).param("survivor", survivorId).update();
    }

    private void move(String mergeId, String kind, String ref, String origin, boolean added) {
        jdbc.sql("INSERT INTO entity_merge_move (merge_id, kind, row_ref, origin_entity_id, added)"
                        + " VALUES (:merge, :kind, :ref, :origin, :added)")
                .param("merge", mergeId).param("kind", kind).param("ref", ref).param("origin", origin)
                .param("added", added).update();
    }

    private void writeAttributes(Locked survivor, Map<String, Object> attributes) {
        jdbc.sql("UPDATE entity SET attributes = :attributes WHERE id = :id")
                .param("attributes", json.writeValueAsString(attributes)).param("id", survivor.id()).update();
        nameKeys.index(survivor.id(), survivor.type(), survivor.markingId(), attributes);
    }
}
