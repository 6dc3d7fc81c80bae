package org.fusioncell.exchange.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange module's own tables: where an imported item came from ({@code exchange_stix_item}) and the
 * STIX objects kept as received ({@code exchange_stix_object}, read through the access predicate).
 */
@Component
class StixProvenance {

    static final String KEPT_INFORMATION_TYPE = "stix-object";

    /** An imported item's STIX identity: id, timestamps, creator, and the FusionCell extension as received. */
    record Origin(String localType, String localId, String stixId, String createdByRef, String created, String modified,
                  Map<String, Object> provenance) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StixProvenance(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Origin> originOf(String localId) {
        return jdbc.sql("SELECT * FROM exchange_stix_item WHERE local_id = :id").param("id", localId)
                .query((rs, n) -> new Origin(rs.getString("local_type"), rs.getString("local_id"), rs.getString("stix_id"),
                        rs.getString("created_by_ref"), rs.getString("stix_created"), rs.getString("stix_modified"),
                        map(rs.getString("provenance")))).optional();
    }

    /** The local item the organisation already holds for a STIX id (imported earlier), if any. */
    Optional<String> heldItem(String stixId, String organisationId) {
        return jdbc.sql("SELECT local_id FROM exchange_stix_item WHERE stix_id = :s AND organisation_id = :o")
                .param("s", stixId).param("o", organisationId).query(String.class).optional();
    }

    /** A newer version of an imported item was applied: its STIX modified moves, so the re-export matches it. */
    void corrected(String localId, String modified) {
        jdbc.sql("UPDATE exchange_stix_item SET stix_modified = :m WHERE local_id = :id").param("m", modified)
                .param("id", localId).update();
    }

    /** The stored modified of an imported item or kept object, by STIX id, for the organisation. */
    Optional<String> modifiedOf(String stixId, String organisationId) {
        return jdbc.sql("SELECT stix_modified FROM exchange_stix_item WHERE stix_id = :s AND organisation_id = :o")
                .param("s", stixId).param("o", organisationId).query(String.class).optional();
    }

    /** Replaces a kept object by a newer version of it. */
    void replaceKept(String stixId, String organisationId, Map<String, Object> object) {
        jdbc.sql("UPDATE exchange_stix_object SET content = :c WHERE stix_id = :s AND organisation_id = :o")
                .param("c", json.writeValueAsString(object)).param("s", stixId).param("o", organisationId).update();
    }

    /** The kept object's content, by STIX id, for the organisation. */
    Optional<Map<String, Object>> kept(String stixId, String organisationId) {
        return jdbc.sql("SELECT content FROM exchange_stix_object WHERE stix_id = :s AND organisation_id = :o")
                .param("s", stixId).param("o", organisationId).query(String.class).optional().map(this::map);
    }

    boolean revoked(String stixId, String organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_stix_revoked WHERE stix_id = :s AND organisation_id = :o")
                .param("s", stixId).param("o", organisationId).query(Long.class).single() > 0;
    }

    /** Records the revocation and forgets the imported item or kept object (the caller erased the item). */
    void revoke(String stixId, String organisationId, Instant at) {
        if (!revoked(stixId, organisationId)) {
            jdbc.sql("INSERT INTO exchange_stix_revoked (stix_id, organisation_id, revoked_at) VALUES (:s, :o, :at)")
                    .param("s", stixId).param("o", organisationId).param("at", Timestamp.from(at)).update();
        }
        jdbc.sql("DELETE FROM exchange_stix_item WHERE stix_id = :s AND organisation_id = :o").param("s", stixId)
                .param("o", organisationId).update();
        jdbc.sql("DELETE FROM exchange_stix_object WHERE stix_id = :s AND organisation_id = :o").param("s", stixId)
                .param("o", organisationId).update();
    }

    boolean keeps(String stixId, String organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_stix_object WHERE stix_id = :s AND organisation_id = :o")
                .param("s", stixId).param("o", organisationId).query(Long.class).single() > 0;
    }

    void recordItem(Origin o, String organisationId, String importId, Instant now) {
        jdbc.sql("""
                INSERT INTO exchange_stix_item (local_type, local_id, stix_id, organisation_id, created_by_ref, stix_created,
                    stix_modified, provenance, import_id, imported_at)
                VALUES (:t, :l, :s, :o, :c, :cr, :mo, :p, :i, :now)""")
                .param("t", o.localType()).param("l", o.localId()).param("s", o.stixId()).param("o", organisationId)
                .param("c", o.createdByRef()).param("cr", o.created()).param("mo", o.modified())
                .param("p", json.writeValueAsString(o.provenance())).param("i", importId)
                .param("now", Timestamp.from(now)).update();
    }

    void keep(String stixId, String type, String organisationId, String markingId, Map<String, Object> object,
              String importId, Instant now) {
        jdbc.sql("""
                INSERT INTO exchange_stix_object (id, stix_id, stix_type, organisation_id, marking_id, content, import_id, imported_at)
                VALUES (:id, :s, :t, :o, :m, :c, :i, :now)""")
                .param("id", Ids.newId()).param("s", stixId).param("t", type).param("o", organisationId)
                .param("m", markingId).param("c", json.writeValueAsString(object)).param("i", importId)
                .param("now", Timestamp.from(now)).update();
    }

    /** The kept objects the reader may see, by STIX id (one per id: the earliest kept). */
    List<Map<String, Object>> keptVisible(Reader reader, Instant since) {
        SqlPredicate p = VisibilityFilter.visible(reader, KEPT_INFORMATION_TYPE, "k.marking_id");
        return jdbc.sql("SELECT k.content FROM exchange_stix_object k WHERE " + p.sql()
                        + (since == null ? "" : " AND k.imported_at >= :since") + " ORDER BY k.stix_id, k.imported_at, k.id")
                .params(p.params()).params(since == null ? Map.of() : Map.of("since", Timestamp.from(since)))
                .query(String.class).list().stream().map(this::map).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String text) {
        return json.readValue(text, Map.class);
    }
}
