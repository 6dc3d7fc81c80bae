package org.fusioncell.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.intake.ReportContributed;
import org.fusioncell.intake.ReportErased;
import org.fusioncell.intake.ReportRevised;
import org.fusioncell.intake.Reports;
import org.fusioncell.search.SearchDocument;
import org.fusioncell.search.SearchIndex;
import org.fusioncell.search.SearchSource;
import org.fusioncell.shared.Batches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with intake's reports: after a report is contributed or revised (after
 * commit, through the event publication registry, so an event whose indexing did not finish is
 * republished on restart), the stored report is read and indexed; after an erasure its document goes. Also the source of every report for
 * a rebuild of the index.
 */
@Component
class ReportIndexing implements SearchSource {

    private static final String COLUMNS = """
            id, title, body, language, occurred_at, reported_at, marking_id, originating_organisation_id""";

    private final JdbcClient jdbc;
    private final Markings markings;
    private final SearchIndex index;

    ReportIndexing(JdbcClient jdbc, Markings markings, SearchIndex index) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.index = index;
    }

    @ApplicationModuleListener
    void on(ReportContributed event) {
        reindex(event.reportId());
    }

    @ApplicationModuleListener
    void on(ReportRevised event) {
        reindex(event.reportId());
    }

    @ApplicationModuleListener
    void on(ReportErased event) {
        index.remove(Reports.INFORMATION_TYPE, event.reportId());
    }

    private void reindex(String reportId) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM intake_report WHERE id = :id").param("id", reportId)
                .query(ReportIndexing::row).list();
        if (rows.isEmpty()) {
            index.remove(Reports.INFORMATION_TYPE, reportId);
            return;
        }
        index.index(document(rows.getFirst(), markings.findAll(List.of(rows.getFirst().markingId())),
                tags(List.of(reportId))));
    }

    @Override
    public String type() {
        return Reports.INFORMATION_TYPE;
    }

    @Override
    public void forEach(Consumer<SearchDocument> sink) {
        try (Batches<Row> batches = new Batches<>(500, batch -> flush(batch, sink))) {
            jdbc.sql("SELECT " + COLUMNS + " FROM intake_report ORDER BY id").query(rs -> {
                batches.accept(row(rs, 0));
            });
        }
    }

    private void flush(List<Row> batch, Consumer<SearchDocument> sink) {
        Map<String, Marking> marks = markings.findAll(batch.stream().map(Row::markingId).toList());
        Map<String, List<String>> tags = tags(batch.stream().map(Row::id).toList());
        batch.forEach(r -> sink.accept(document(r, marks, tags)));
    }

    private record Row(String id, String title, String body, String language, Timestamp occurredAt,
                       Timestamp reportedAt, String markingId, String organisationId) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
                rs.getTimestamp(6), rs.getString(7), rs.getString(8));
    }

    /** The time a report is filtered on is when it happened, or when it was reported if that is unknown. */
    private Map<String, List<String>> tags(List<String> reportIds) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        jdbc.sql("SELECT report_id, tag FROM intake_report_tag WHERE report_id IN (:ids) ORDER BY tag")
                .param("ids", reportIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    private static SearchDocument document(Row r, Map<String, Marking> marks, Map<String, List<String>> tags) {
        Marking marking = marks.get(r.markingId());
        Timestamp when = r.occurredAt() != null ? r.occurredAt() : r.reportedAt();
        return new SearchDocument(Reports.INFORMATION_TYPE, r.id(), r.markingId(),
                marking == null ? Integer.MAX_VALUE : marking.classificationRank(), r.title(), r.body(), r.language(),
                when.toInstant(), r.organisationId(), tags.getOrDefault(r.id(), List.of()), Map.of());
    }
}
