package org.fusioncell.screening.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.SubjectDocument;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code screening_subject}: the people of a run, kept for rescreening. */
@Component
class SubjectRows {

    static final String COLUMNS = """
            s.id, s.run_id, s.ordinal, s.names, s.birth_from, s.birth_to, s.nationalities, s.gender, s.documents,
            s.created_at""";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 500;

    /** A subject as stored, with the key the false-positive memory knows it by. */
    record Stored(String id, ScreeningQuery query, String key) {
    }

    private final NamedParameterJdbcTemplate batch;

    SubjectRows(NamedParameterJdbcTemplate batch) {
        this.batch = batch;
    }

    List<Stored> insert(HitRecorder.Run run, List<Integer> ordinals, List<ScreeningQuery> queries, String screenedBy,
                        Instant now) {
        List<Stored> stored = queries.stream().map(q -> new Stored(Ids.newId(), q,
                SubjectKey.of(q.names(), q.birthDate(), q.documents()))).toList();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[stored.size()];
        for (int i = 0; i < rows.length; i++) {
            ScreeningQuery q = stored.get(i).query();
            rows[i] = new MapSqlParameterSource().addValue("id", stored.get(i).id()).addValue("run", run.id())
                    .addValue("ordinal", ordinals.get(i)).addValue("names", JSON.writeValueAsString(q.names()))
                    .addValue("from", q.birthDate() == null ? null : Date.valueOf(q.birthDate().earliest()))
                    .addValue("to", q.birthDate() == null ? null : Date.valueOf(q.birthDate().latest()))
                    .addValue("nationalities", String.join(",", new TreeSet<>(q.nationalities())))
                    .addValue("gender", q.gender().name()).addValue("documents", JSON.writeValueAsString(q.documents()))
                    .addValue("marking", run.markingId()).addValue("org", run.organisationId())
                    .addValue("by", screenedBy).addValue("now", Timestamp.from(now));
        }
        for (int i = 0; i < rows.length; i += BATCH) {
            batch.batchUpdate("""
                    INSERT INTO screening_subject (id, run_id, ordinal, names, birth_from, birth_to, nationalities, gender,
                        documents, marking_id, organisation_id, screened_by, created_at)
                    VALUES (:id, :run, :ordinal, :names, :from, :to, :nationalities, :gender, :documents, :marking, :org,
                        :by, :now)""", Arrays.copyOfRange(rows, i, Math.min(rows.length, i + BATCH)));
        }
        return stored;
    }

    /** Reads the {@link #COLUMNS} of a row; {@code hits} is the caller's count. */
    static ScreenedSubject read(ResultSet rs, int hits) throws SQLException {
        Date from = rs.getDate(5);
        Date to = rs.getDate(6);
        String nationalities = rs.getString(7);
        return new ScreenedSubject(rs.getString(1), rs.getString(2), rs.getInt(3),
                JSON.readValue(rs.getString(4), new TypeReference<List<String>>() { }),
                from == null ? null : new BirthDate(from.toLocalDate(), to.toLocalDate()),
                nationalities == null || nationalities.isEmpty() ? Set.of() : Set.of(nationalities.split(",")),
                Subject.Gender.valueOf(rs.getString(8)),
                JSON.readValue(rs.getString(9), new TypeReference<List<SubjectDocument>>() { }),
                rs.getTimestamp(10).toInstant(), hits);
    }
}
