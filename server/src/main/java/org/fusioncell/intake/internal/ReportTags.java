package org.fusioncell.intake.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A report's current tags; the versions keep their own copy. */
@Component
class ReportTags {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ReportTags(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void replace(String reportId, List<String> tags) {
        jdbc.sql("DELETE FROM intake_report_tag WHERE report_id = :id").param("id", reportId).update();
        for (String tag : new LinkedHashSet<>(tags)) {
            jdbc.sql("INSERT INTO intake_report_tag (report_id, tag) VALUES (:id, :tag)")
                    .param("id", reportId).param("tag", tag).update();
        }
    }

    /** Tags of a report just inserted (it has none yet), in one JDBC batch. */
    void addToNew(String reportId, List<String> tags) {
        List<Object[]> rows = new LinkedHashSet<>(tags).stream().map(tag -> new Object[] {reportId, tag}).toList();
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO intake_report_tag (report_id, tag) VALUES (?, ?)", rows);
        }
    }

    /** Tags of the given reports, each list sorted. Ids only come from already access-checked rows. */
    Map<String, List<String>> of(List<String> reportIds) {
        Map<String, List<String>> tags = new HashMap<>();
        if (reportIds.isEmpty()) {
            return tags;
        }
        jdbc.sql("SELECT report_id, tag FROM intake_report_tag WHERE report_id IN (:ids) ORDER BY report_id, tag")
                .param("ids", reportIds)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return tags;
    }

    static String join(List<String> tags) {
        return String.join("\n", new LinkedHashSet<>(tags));
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
