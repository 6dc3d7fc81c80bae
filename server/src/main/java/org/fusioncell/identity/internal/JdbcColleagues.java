package org.fusioncell.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcColleagues implements Colleagues {

    private final JdbcClient jdbc;

    JdbcColleagues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> displayNames(String organisationId, Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(Ids::isWellFormed).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty() || organisationId == null) {
            return names;
        }
        jdbc.sql("SELECT id, display_name FROM identity_user WHERE organisation_id = :org AND id IN (:ids)")
                .param("org", organisationId).param("ids", ids)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    @Override
    public List<String> members(String organisationId, org.fusioncell.identity.Role role) {
        if (!Ids.isWellFormed(organisationId)) {
            return List.of();
        }
        if (role == null) {
            return jdbc.sql("SELECT id FROM identity_user WHERE organisation_id = :org AND active ORDER BY id")
                    .param("org", organisationId).query(String.class).list();
        }
        return jdbc.sql("""
                SELECT u.id FROM identity_user u JOIN identity_user_role r ON r.user_id = u.id
                WHERE u.organisation_id = :org AND u.active AND r.role = :role ORDER BY u.id""")
                .param("org", organisationId).param("role", role.name()).query(String.class).list();
    }

    @Override
    public boolean holds(org.fusioncell.access.Reader reader, org.fusioncell.identity.Role role) {
        if (reader == null || role == null || !Ids.isWellFormed(reader.userId())
                || !Ids.isWellFormed(reader.organisationId())) {
            return false;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM identity_user u JOIN identity_user_role r ON r.user_id = u.id
                WHERE u.id = :user AND u.organisation_id = :org AND u.active AND r.role = :role""")
                .param("user", reader.userId()).param("org", reader.organisationId()).param("role", role.name())
                .query(Long.class).single() > 0;
    }
}
