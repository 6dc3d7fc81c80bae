package org.fusioncell.entities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.entities.PersonParticulars;
import org.fusioncell.entities.Persons;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads PERSON entities' particulars from their stored attributes ({@link EntityAttributes} wrote them:
 * {@code names[{value}]}, {@code aliases[{value}]}, {@code dateOfBirth}, {@code nationality},
 * {@code gender}, {@code documents[{number}]}). No audit here: the caller audits what it derives.
 */
@Service
class JdbcPersons implements Persons {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String SELECT = """
            SELECT id, attributes, marking_id, owner_organisation_id FROM entity
            WHERE entity_type = 'PERSON' AND merged_into IS NULL""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcPersons(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonParticulars> particulars(String entityId) {
        if (!Ids.isWellFormed(entityId)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " AND id = :id").param("id", entityId).query(this::row).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PersonParticulars> page(String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return jdbc.sql(SELECT + " AND id > :after ORDER BY id LIMIT :limit").param("after", afterId)
                .param("limit", limit).query(this::row).list();
    }

    private PersonParticulars row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> a = json.readValue(rs.getString("attributes"), MAP);
        Set<String> names = new LinkedHashSet<>();
        values(a.get("names"), "value", names);
        values(a.get("aliases"), "value", names);
        Set<String> numbers = new LinkedHashSet<>();
        values(a.get("documents"), "number", numbers);
        return new PersonParticulars(rs.getString("id"), new ArrayList<>(names), text(a.get("dateOfBirth")),
                text(a.get("nationality")), text(a.get("gender")), new ArrayList<>(numbers),
                rs.getString("marking_id"), rs.getString("owner_organisation_id"));
    }

    /** The non-blank {@code key} of each object in a list attribute. */
    private static void values(Object list, String key, Set<String> out) {
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get(key) instanceof String s && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

}
