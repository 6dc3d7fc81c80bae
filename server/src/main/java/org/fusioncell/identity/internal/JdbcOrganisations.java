package org.fusioncell.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Sector;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcOrganisations implements Organisations {

    private static final String COLUMNS = "id, name, type, sector, country, parent_id";
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOrganisations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<OrganisationSummary> find(String id) {
        return stored(id).map(StoredOrganisation::summary);
    }

    @Override
    public List<OrganisationSummary> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_organisation ORDER BY name, id")
                .query(JdbcOrganisations::row).list().stream().map(StoredOrganisation::summary).toList();
    }

    public Optional<StoredOrganisation> stored(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_organisation WHERE id = :id").param("id", id)
                .query(JdbcOrganisations::row).optional();
    }

    public Page<StoredOrganisation> page(PageRequest request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM identity_organisation").query(Long.class).single();
        List<StoredOrganisation> items = jdbc.sql("SELECT " + COLUMNS
                        + " FROM identity_organisation ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("limit", request.size()).param("offset", request.offset())
                .query(JdbcOrganisations::row).list();
        return Page.of(items, request, total);
    }

    public boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM identity_organisation").query(Long.class).single() > 0;
    }

    public boolean exists(String id) {
        return Ids.isWellFormed(id) && jdbc.sql("SELECT COUNT(*) FROM identity_organisation WHERE id = :id")
                .param("id", id).query(Long.class).single() > 0;
    }

    /** Whether {@code candidateParent} is {@code id} or lies beneath it (a cycle if it became the parent). */
    public boolean isSelfOrDescendant(String candidateParent, String id) {
        String current = candidateParent;
        for (int depth = 0; current != null && depth < 64; depth++) {
            if (current.equals(id)) {
                return true;
            }
            current = stored(current).map(StoredOrganisation::parentId).orElse(null);
        }
        return false;
    }

    void insert(StoredOrganisation o) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO identity_organisation (id, name, type, sector, country, parent_id, created_at, updated_at)
                VALUES (:id, :name, :type, :sector, :country, :parent, :now, :now)""")
                .param("id", o.id()).param("name", o.name()).param("type", o.type().name())
                .param("sector", o.sector() == null ? null : o.sector().name()).param("country", o.country())
                .param("parent", o.parentId()).param("now", now).update();
    }

    void update(StoredOrganisation o) {
        jdbc.sql("""
                UPDATE identity_organisation SET name = :name, type = :type, sector = :sector, country = :country,
                    parent_id = :parent, updated_at = :now WHERE id = :id""")
                .param("id", o.id()).param("name", o.name()).param("type", o.type().name())
                .param("sector", o.sector() == null ? null : o.sector().name()).param("country", o.country())
                .param("parent", o.parentId()).param("now", Timestamp.from(clock.instant())).update();
    }

    private static StoredOrganisation row(ResultSet rs, int n) throws SQLException {
        String sector = rs.getString("sector");
        return new StoredOrganisation(rs.getString("id"), rs.getString("name"),
                OrganisationType.valueOf(rs.getString("type")), sector == null ? null : Sector.valueOf(sector),
                rs.getString("country"), rs.getString("parent_id"));
    }
}
