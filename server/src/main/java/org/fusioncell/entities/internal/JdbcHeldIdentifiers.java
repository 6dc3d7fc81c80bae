package org.fusioncell.entities.internal;

import java.util.List;
import org.fusioncell.entities.HeldIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Identifier keys per owner organisation, from the entity table (one row per entity). No audit here. */
@Service
class JdbcHeldIdentifiers implements HeldIdentifiers {

    private final JdbcClient jdbc;

    JdbcHeldIdentifiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Held> page(String organisationId, String afterKey, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return jdbc.sql("""
                SELECT identifier_key, MIN(id) FROM entity
                WHERE owner_organisation_id = :org AND identifier_key IS NOT NULL AND merged_into IS NULL
                  AND entity_type <> 'LOCATION' AND identifier_key > :after
                GROUP BY identifier_key ORDER BY identifier_key LIMIT :n""")
                .param("org", organisationId).param("after", afterKey).param("n", limit)
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2))).list();
    }
}
