package org.fusioncell.entities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityErased;
import org.fusioncell.entities.EntityRecorded;
import org.fusioncell.search.SearchDocument;
import org.fusioncell.search.SearchIndex;
import org.fusioncell.search.SearchSource;
import org.fusioncell.shared.Batches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps entities in the search index: label, identifier key and attribute values, under the entity's
 * own marking (the index filters by the reader's visible marking ids of type {@code entity}), with the
 * entity type as a facet. Also the source for a rebuild of the index.
 */
@Component
class EntityIndexing implements SearchSource {

    private static final String COLUMNS = "id, entity_type, label, identifier_key, attributes, marking_id, "
            + "owner_organisation_id, created_at";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Markings markings;
    private final SearchIndex index;

    EntityIndexing(JdbcClient jdbc, Markings markings, SearchIndex index) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.index = index;
    }

    @ApplicationModuleListener
    void on(EntityRecorded event) {
        // a merged-away entity is found through its survivor, which holds its names: not twice
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM entity WHERE id = :id AND merged_into IS NULL")
                .param("id", event.entityId())
                .query(EntityIndexing::row).list();
        if (rows.isEmpty()) {
            index.remove(Entities.INFORMATION_TYPE, event.entityId());
            return;
        }
        Row r = rows.getFirst();
        index.index(document(r, markings.findAll(List.of(r.markingId())).get(r.markingId())));
    }

    @ApplicationModuleListener
    void on(EntityErased event) {
        index.remove(Entities.INFORMATION_TYPE, event.entityId());
    }

    @Override
    public String type() {
        return Entities.INFORMATION_TYPE;
    }

    @Override
    public void forEach(Consumer<SearchDocument> sink) {
        try (Batches<Row> batches = new Batches<>(500, batch -> flush(batch, sink))) {
            jdbc.sql("SELECT " + COLUMNS + " FROM entity WHERE merged_into IS NULL ORDER BY id").query(rs -> {
                batches.accept(row(rs, 0));
            });
        }
    }

    private void flush(List<Row> batch, Consumer<SearchDocument> sink) {
        Map<String, Marking> marks = markings.findAll(batch.stream().map(Row::markingId).toList());
        batch.forEach(r -> sink.accept(document(r, marks.get(r.markingId()))));
    }

    private record Row(String id, String type, String label, String key, String attributes, String markingId,
                       String owner, java.sql.Timestamp createdAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8));
    }

    /** The body holds the identifier key and the attribute values (names in every script, numbers…). */
    private static SearchDocument document(Row r, Marking marking) {
        StringBuilder body = new StringBuilder(r.key() == null ? "" : r.key());
        if (r.attributes() != null && !r.attributes().isBlank()) {
            collectValues(JSON.readTree(r.attributes()), body);
        }
        return new SearchDocument(Entities.INFORMATION_TYPE, r.id(), r.markingId(),
                marking == null ? Integer.MAX_VALUE : marking.classificationRank(), r.label(), body.toString(),
                mostlyArabic(r.label()) ? "ar" : "und", r.createdAt().toInstant(), r.owner(), List.of(),
                Map.of("entityType", List.of(r.type())));
    }

    private static void collectValues(JsonNode node, StringBuilder out) {
        if (node.isObject() || node.isArray()) {
            node.values().forEach(child -> collectValues(child, out));
        } else if (!node.isNull()) {
            out.append(' ').append(node.asString());
        }
    }

    private static boolean mostlyArabic(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long arabic = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        return letters > 0 && arabic * 2 > letters;
    }
}
