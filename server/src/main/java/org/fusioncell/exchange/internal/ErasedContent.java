package org.fusioncell.exchange.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is left in the cell's own TAXII store of an item that was erased: each stored version of its objects keeps
 * only what identifies it and what STIX requires of its type (ids, times, references, counts), its text (name,
 * description, labels, extensions with the report's content) replaced or dropped. The erasure's revocation
 * still reaches every partner that could read the object; neither it nor the versions before it give its content
 * to anybody any more, so an erased report is not findable through the collection either.
 */
@Component
class ErasedContent {

    static final String ERASED = "[erased]";

    private static final Set<String> KEPT = Set.of("type", "spec_version", "id", "created", "modified", "revoked",
            "published", "object_refs", "created_by_ref", "object_marking_refs", "first_observed", "last_observed",
            "number_observed", "identity_class");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ErasedContent(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static Map<String, Object> stripped(Map<String, Object> o) {
        Map<String, Object> kept = new LinkedHashMap<>();
        o.forEach((k, v) -> {
            if (KEPT.contains(k)) {
                kept.put(k, v);
            }
        });
        if (o.containsKey("name")) {
            kept.put("name", ERASED);
        }
        return kept;
    }

    /** Rewrites every stored version of the objects in the collection to its stripped form. */
    void scrub(String collectionId, List<String> stixIds) {
        for (String stixId : stixIds) {
            List<Object[]> rows = jdbc.sql("SELECT seq, json FROM exchange_taxii_object WHERE collection_id = :c"
                            + " AND stix_id = :s").param("c", collectionId).param("s", stixId)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
            for (Object[] row : rows) {
                @SuppressWarnings("unchecked")
                Map<String, Object> o = json.readValue((String) row[1], Map.class);
                jdbc.sql("UPDATE exchange_taxii_object SET json = :j WHERE seq = :seq")
                        .param("j", json.writeValueAsString(stripped(o))).param("seq", row[0]).update();
            }
        }
    }
}
