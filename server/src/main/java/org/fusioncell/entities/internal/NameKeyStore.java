package org.fusioncell.entities.internal;

import java.util.List;
import java.util.Map;
import org.fusioncell.entities.EntityType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code entity_name_key} in step with the names of people and groups: written in the transaction
 * that records an entity or changes its names (merge, split). People and groups recorded before the
 * table existed are keyed once at start-up.
 */
@Component
class NameKeyStore {

    private static final Logger log = LoggerFactory.getLogger(NameKeyStore.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NameKeyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static boolean named(EntityType type) {
        return type == EntityType.PERSON || type == EntityType.GROUP;
    }

    /** Replaces the entity's keys by those of its current names, under its current marking. */
    void index(String entityId, EntityType type, String markingId, Map<String, Object> attributes) {
        remove(entityId);
        if (!named(type)) {
            return;
        }
        for (String key : NameKeys.stored(NameKeys.names(type, attributes))) {
            jdbc.sql("INSERT INTO entity_name_key (name_key, entity_id, entity_type, marking_id)"
                            + " VALUES (:key, :id, :type, :marking)")
                    .param("key", key).param("id", entityId).param("type", type.name()).param("marking", markingId)
                    .update();
        }
    }

    /** A merged-away entity is found through its survivor only. */
    void remove(String entityId) {
        jdbc.sql("DELETE FROM entity_name_key WHERE entity_id = :id").param("id", entityId).update();
    }

    /** The entity was re-marked (released): its keys follow. */
    void remarked(String entityId, String markingId) {
        jdbc.sql("UPDATE entity_name_key SET marking_id = :marking WHERE entity_id = :id")
                .param("marking", markingId).param("id", entityId).update();
    }

    /** Keys people and groups that have none (recorded before resolution existed). Idempotent. */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        int done = 0;
        String after = "";
        while (true) {
            record Row(String id, String type, String markingId, String attributes) {
            }
            List<Row> rows = jdbc.sql("""
                    SELECT e.id, e.entity_type, e.marking_id, e.attributes FROM entity e
                    WHERE e.entity_type IN ('PERSON', 'GROUP') AND e.merged_into IS NULL AND e.id > :after
                      AND NOT EXISTS (SELECT 1 FROM entity_name_key k WHERE k.entity_id = e.id)
                    ORDER BY e.id LIMIT :n""").param("after", after).param("n", BATCH)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
            for (Row r : rows) {
                index(r.id(), EntityType.valueOf(r.type()), r.markingId(), json.readValue(r.attributes(), MAP));
            }
            done += rows.size();
            if (rows.size() < BATCH) {
                break;
            }
            after = rows.getLast().id();
        }
        if (done > 0) {
            log.info("Keyed the names of {} people and groups for merge suggestions", done);
        }
    }
}
