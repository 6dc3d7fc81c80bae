package org.fusioncell.monitoring.incidents.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.monitoring.incidents.Incidents;

/**
 * The WHERE clause of every incident read: the reader's access predicate AND-ed with the filters, so
 * lists, counts and aggregates are computed by the database over the allowed set only.
 * {@code groupExact} compares the perpetrator group whole (a statistics key); otherwise it is a
 * case-insensitive substring (a search box).
 */
record IncidentWhere(String sql, Map<String, Object> params) {

    static IncidentWhere of(Reader reader, String country, String admin1, String attackType, String group,
                            boolean groupExact, LocalDate from, LocalDate to) {
        SqlPredicate visible = VisibilityFilter.visible(reader, Incidents.INFORMATION_TYPE, "i.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        StringBuilder where = new StringBuilder(visible.sql());
        if (country != null && !country.isBlank()) {
            where.append(" AND i.country = :country");
            params.put("country", country.strip().toUpperCase(Locale.ROOT));
        }
        if (admin1 != null && !admin1.isBlank()) {
            where.append(" AND (i.admin1 = :admin1 OR i.admin1_code = :admin1)");
            params.put("admin1", admin1.strip());
        }
        if (attackType != null && !attackType.isBlank()) {
            where.append(" AND i.attack_type = :attack");
            params.put("attack", attackType.strip());
        }
        if (group != null && !group.isBlank()) {
            if (groupExact) {
                where.append(" AND i.perpetrator_group = :grp");
                params.put("grp", group.strip());
            } else {
                where.append(" AND LOWER(i.perpetrator_group) LIKE :grp ESCAPE '\\'");
                params.put("grp", "%" + group.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (from != null) {
            where.append(" AND i.incident_date >= :from");
            params.put("from", java.sql.Date.valueOf(from));
        }
        if (to != null) {
            where.append(" AND i.incident_date <= :to");
            params.put("to", java.sql.Date.valueOf(to));
        }
        return new IncidentWhere(where.toString(), params);
    }
}
