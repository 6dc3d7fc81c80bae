package org.fusioncell.monitoring.incidents.internal;

import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.monitoring.incidents.IncidentStatistics;
import org.fusioncell.monitoring.incidents.Incidents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates in SQL over the reader's allowed set. Periods are the stored {@code week_start} and
 * {@code month_start} columns, so the GROUP BY is the same on H2 and PostgreSQL. Incidents without a
 * value for the grouping (no admin-1, no group) count under the key {@value #NO_VALUE}. Audited as search.
 */
@Service
class JdbcIncidentStatistics implements IncidentStatistics {

    static final String NO_VALUE = "unknown";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    JdbcIncidentStatistics(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public List<IncidentCount> counts(Reader reader, IncidentFilter filter, Grouping grouping, Period period) {
        IncidentWhere where = where(reader, filter);
        String periodColumn = period == Period.WEEK ? "i.week_start" : "i.month_start";
        String key = switch (grouping) {
            case NONE -> null;
            case COUNTRY -> "i.country";
            case ADMIN1 -> "i.admin1";
            case ATTACK_TYPE -> "i.attack_type";
            case PERPETRATOR_GROUP -> "i.perpetrator_group";
        };
        // a constant in GROUP BY is not SQL on PostgreSQL: without a key the key column is left out
        String select = key == null ? periodColumn + " AS p" : key + " AS k, " + periodColumn + " AS p";
        String groupBy = key == null ? periodColumn : key + ", " + periodColumn;
        List<IncidentCount> counts = jdbc.sql("SELECT " + select + ", COUNT(*) AS n, COALESCE(SUM(i.fatalities), 0) AS f"
                        + " FROM monitoring_incident i WHERE " + where.sql() + " GROUP BY " + groupBy
                        + " ORDER BY p" + (key == null ? "" : ", k"))
                .params(where.params())
                .query((rs, n) -> new IncidentCount(key == null ? "all" : orUnknown(rs.getString("k")),
                        rs.getDate("p").toLocalDate(), rs.getLong("n"), rs.getLong("f")))
                .list();
        audited(reader, Map.of("view", "statistics", "grouping", grouping.name(), "period", period.name(),
                "rows", String.valueOf(counts.size())));
        return counts;
    }

    @Override
    @Transactional
    public List<PlaceCount> places(Reader reader, IncidentFilter filter) {
        IncidentWhere where = where(reader, filter);
        List<PlaceCount> places = jdbc.sql("SELECT i.country, i.admin1, i.latitude, i.longitude, COUNT(*) AS n,"
                        + " COALESCE(SUM(i.fatalities), 0) AS f FROM monitoring_incident i WHERE " + where.sql()
                        + " AND i.latitude IS NOT NULL GROUP BY i.country, i.admin1, i.latitude, i.longitude"
                        + " ORDER BY n DESC, i.latitude, i.longitude")
                .params(where.params())
                .query((rs, n) -> new PlaceCount(rs.getString("country"), rs.getString("admin1"),
                        rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getLong("n"), rs.getLong("f")))
                .list();
        audited(reader, Map.of("view", "places", "rows", String.valueOf(places.size())));
        return places;
    }

    private void audited(Reader reader, Map<String, String> details) {
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(),
                Incidents.INFORMATION_TYPE, List.of()).withPurpose(reader.purpose()).withDetails(details));
    }

    private static IncidentWhere where(Reader reader, IncidentFilter f) {
        IncidentFilter filter = f == null ? IncidentFilter.any() : f;
        return IncidentWhere.of(reader, filter.country(), filter.admin1(), filter.attackType(),
                filter.perpetratorGroup(), true, filter.from(), filter.to());
    }

    private static String orUnknown(String key) {
        return key == null || key.isBlank() ? NO_VALUE : key;
    }
}
