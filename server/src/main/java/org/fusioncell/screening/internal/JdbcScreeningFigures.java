package org.fusioncell.screening.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fusioncell.screening.ScreeningFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Grouped in SQL by list or by the subject's stored nationalities; the nationalities are split here. */
@Service
class JdbcScreeningFigures implements ScreeningFigures {

    private final JdbcClient jdbc;

    JdbcScreeningFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Group(String key, String label, String state, long hits) {
    }

    @Override
    public List<Outcomes> byList(Instant from, Instant to) {
        List<Group> groups = jdbc.sql("""
                        SELECT w.id, w.name, h.state, COUNT(*) FROM screening_hit h
                        JOIN screening_watchlist w ON w.id = h.watchlist_id
                        WHERE h.created_at >= :from AND h.created_at < :to GROUP BY w.id, w.name, h.state""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> ids = new TreeMap<>();
        for (Group g : groups) {
            ids.put(g.label(), g.key());
            add(counts.computeIfAbsent(g.label(), k -> new long[4]), g.state(), g.hits());
        }
        return outcomes(counts, ids);
    }

    @Override
    public List<Outcomes> byNationality(Instant from, Instant to) {
        List<Group> groups = jdbc.sql("""
                        SELECT s.nationalities, h.state, COUNT(*) FROM screening_hit h
                        JOIN screening_subject s ON s.id = h.subject_id
                        WHERE h.created_at >= :from AND h.created_at < :to GROUP BY s.nationalities, h.state""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Group(rs.getString(1), null, rs.getString(2), rs.getLong(3))).list();
        Map<String, long[]> counts = new TreeMap<>();
        for (Group g : groups) {
            List<String> codes = g.key() == null || g.key().isBlank() ? List.of("")
                    : Arrays.stream(g.key().split(",")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
            for (String code : codes.isEmpty() ? List.of("") : codes) {
                add(counts.computeIfAbsent(code, k -> new long[4]), g.state(), g.hits());
            }
        }
        return outcomes(counts, null);
    }

    private static void add(long[] counts, String state, long hits) {
        int slot = switch (state) {
            case "CONFIRMED" -> 0;
            case "DISMISSED" -> 1;
            case "ESCALATED" -> 2;
            default -> 3;
        };
        counts[slot] += hits;
    }

    private static List<Outcomes> outcomes(Map<String, long[]> counts, Map<String, String> ids) {
        List<Outcomes> out = new ArrayList<>();
        counts.forEach((label, c) -> out.add(new Outcomes(ids == null ? label : ids.get(label), label, c[0], c[1], c[2],
                c[3])));
        return out;
    }
}
