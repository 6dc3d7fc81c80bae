package org.fusioncell.monitoring.incidents.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.access.Marking;
import org.fusioncell.monitoring.incidents.Incident;
import org.fusioncell.monitoring.incidents.IncidentDetail;
import org.fusioncell.monitoring.incidents.IncidentDraft;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an incident is written to and read from {@code monitoring_incident}. Writes go through plain JDBC
 * batches so that an import of tens of thousands of rows is a few round trips; the period starts are
 * computed here ({@link Periods}).
 */
final class IncidentRows {

    static final String COLUMNS = """
            i.id, i.incident_date, i.end_date, i.date_precision, i.place_name, i.country, i.admin1, i.admin1_code,
            i.latitude, i.longitude, i.attack_type, i.target_type, i.weapon, i.perpetrator_group,
            i.perpetrator_entity_id, i.fatalities, i.injuries, i.sources, i.description, i.marking_id,
            i.owner_organisation_id, i.report_id, i.external_source, i.external_id, i.recorded_at""";

    private static final String INSERT = """
            INSERT INTO monitoring_incident (id, incident_date, end_date, date_precision, week_start, month_start,
                place_name, country, admin1, admin1_code, latitude, longitude, attack_type, target_type, weapon,
                perpetrator_group, perpetrator_entity_id, fatalities, injuries, sources, description, marking_id,
                owner_organisation_id, report_id, external_source, external_id, import_id, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** One checked draft about to be written, with what the store adds. */
    record NewRow(String id, IncidentDraft draft, String markingId, String ownerOrganisationId, String importId,
                  Instant recordedAt, String recordedBy) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IncidentRows(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(List<NewRow> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (NewRow r : rows) {
            IncidentDraft d = r.draft();
            args.add(new Object[] {r.id(), Date.valueOf(d.date()), d.endDate() == null ? null : Date.valueOf(d.endDate()),
                    d.datePrecision().name(), Date.valueOf(Periods.weekStart(d.date())),
                    Date.valueOf(Periods.monthStart(d.date())), d.placeName(), d.country(), d.admin1(), d.admin1Code(),
                    d.latitude(), d.longitude(), d.attackType(), d.targetType(), d.weapon(), d.perpetratorGroup(),
                    d.perpetratorEntityId(), d.fatalities(), d.injuries(), json.writeValueAsString(d.sources()),
                    d.description(), r.markingId(), r.ownerOrganisationId(), d.reportId(), d.externalSource(),
                    d.externalId(), r.importId(), Timestamp.from(r.recordedAt()), r.recordedBy()});
        }
        int[] types = {Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR};
        jdbc.batchUpdate(INSERT, args, types);
    }

    /** A detail read from a row of {@link #COLUMNS}, with its marking (may be null until it is looked up). */
    IncidentDetail read(ResultSet rs, Marking marking) throws SQLException {
        Date end = rs.getDate("end_date");
        Incident incident = new Incident(rs.getString("id"), rs.getDate("incident_date").toLocalDate(),
                rs.getString("place_name"), rs.getString("country"), rs.getString("admin1"),
                rs.getObject("latitude") == null ? null : rs.getDouble("latitude"),
                rs.getObject("longitude") == null ? null : rs.getDouble("longitude"), rs.getString("attack_type"),
                rs.getString("target_type"), rs.getString("weapon"), rs.getString("perpetrator_group"),
                rs.getInt("fatalities"), rs.getInt("injuries"), json.readValue(rs.getString("sources"), STRINGS),
                marking, rs.getString("owner_organisation_id"), rs.getString("report_id"),
                rs.getTimestamp("recorded_at").toInstant());
        return new IncidentDetail(incident, end == null ? null : end.toLocalDate(),
                IncidentDetail.DatePrecision.valueOf(rs.getString("date_precision")), rs.getString("admin1_code"),
                rs.getString("perpetrator_entity_id"), rs.getString("description"), rs.getString("external_source"),
                rs.getString("external_id"));
    }

    static IncidentDetail withMarking(IncidentDetail d, Marking m) {
        Incident i = d.incident();
        return new IncidentDetail(new Incident(i.id(), i.date(), i.placeName(), i.country(), i.admin1(), i.latitude(),
                i.longitude(), i.attackType(), i.targetType(), i.weapon(), i.perpetratorGroup(), i.fatalities(),
                i.injuries(), i.sources(), m, i.ownerOrganisationId(), i.reportId(), i.recordedAt()), d.endDate(),
                d.datePrecision(), d.admin1Code(), d.perpetratorEntityId(), d.description(), d.externalSource(),
                d.externalId());
    }
}
