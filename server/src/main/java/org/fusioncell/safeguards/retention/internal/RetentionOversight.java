package org.fusioncell.safeguards.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.safeguards.OversightCell;
import org.fusioncell.safeguards.OversightCell.Count;
import org.fusioncell.safeguards.OversightCell.Term;
import org.fusioncell.safeguards.OversightSection;
import org.fusioncell.safeguards.OversightTable;
import org.fusioncell.safeguards.retention.LegalHolds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The retention section of the oversight report for {@code [from, to)}: erasures by type and cause, legal holds
 * placed, released and active at the end of the period, reviews that fell due, were confirmed or deleted, and
 * those overdue at the end of the period, and the purge's runs with what they erased and kept per type. Counted afresh from this package's records.
 */
@Component
class RetentionOversight implements OversightSection {

    private final JdbcClient jdbc;
    private final RetentionSettings settings;

    RetentionOversight(JdbcClient jdbc, RetentionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public String id() {
        return "retention";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<OversightTable> tables(Instant from, Instant to) {
        return List.of(erasures(from, to), holds(from, to), reviews(from, to), runCount(from, to), runs(from, to));
    }

    private long count(String sql, Instant from, Instant to, Object... params) {
        var spec = jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.param((String) params[i], params[i + 1]);
        }
        return spec.query(Long.class).single();
    }

    private OversightTable erasures(Instant from, Instant to) {
        List<List<OversightCell>> rows = new ArrayList<>();
        for (String type : LegalHolds.TYPES) {
            for (ErasureRecords.Cause cause : ErasureRecords.Cause.values()) {
                rows.add(List.of(typeTerm(type), new Term("retention.cause." + cause.name().toLowerCase()),
                        new Count(count("SELECT COUNT(*) FROM retention_erasure WHERE item_type = :t AND cause = :c"
                                + " AND erased_at >= :from AND erased_at < :to", from, to, "t", type, "c",
                                cause.name()))));
            }
        }
        return new OversightTable("retention-erasures", List.of("information-type", "cause", "erasures"), rows);
    }

    private OversightTable holds(Instant from, Instant to) {
        LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC);
        List<List<OversightCell>> rows = new ArrayList<>();
        for (String type : LegalHolds.TYPES) {
            rows.add(List.of(typeTerm(type),
                    new Count(count("SELECT COUNT(*) FROM retention_hold WHERE item_type = :t AND placed_at >= :from"
                            + " AND placed_at < :to", from, to, "t", type)),
                    new Count(count("SELECT COUNT(*) FROM retention_hold WHERE item_type = :t AND released_at >= :from"
                            + " AND released_at < :to", from, to, "t", type)),
                    new Count(count("SELECT COUNT(*) FROM retention_hold WHERE item_type = :t AND placed_at < :to"
                            + " AND (released_at IS NULL OR released_at >= :to) AND (ends_on IS NULL OR ends_on >= :end)",
                            from, to, "t", type, "end", end))));
        }
        return new OversightTable("retention-holds", List.of("information-type", "placed", "released", "active"), rows);
    }

    private OversightTable reviews(Instant from, Instant to) {
        LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC);
        String decided = "SELECT COUNT(*) FROM retention_review WHERE item_type = :t AND outcome = :o"
                + " AND decided_at >= :from AND decided_at < :to";
        List<List<OversightCell>> rows = new ArrayList<>();
        String type = "report";
        rows.add(List.of(typeTerm(type),
                new Count(count("SELECT COUNT(*) FROM retention_review WHERE item_type = :t AND due_on >= :start"
                        + " AND due_on < :end", from, to, "t", type, "start", start, "end", end)),
                new Count(count(decided, from, to, "t", type, "o", "CONFIRMED")),
                new Count(count(decided, from, to, "t", type, "o", "DELETED")),
                new Count(count("SELECT COUNT(*) FROM retention_review WHERE item_type = :t AND due_on < :late"
                        + " AND (outcome IS NULL OR decided_at >= :to)", from, to, "t", type, "late",
                        end.minus(settings.reviewGrace())))));
        return new OversightTable("retention-reviews", List.of("information-type", "due", "confirmed", "deleted",
                "overdue"), rows);
    }

    private OversightTable runs(Instant from, Instant to) {
        String sum = "SELECT COALESCE(SUM(c.%s), 0) FROM retention_purge_count c JOIN retention_purge_run r"
                + " ON r.id = c.run_id WHERE c.item_type = :t AND r.started_at >= :from AND r.started_at < :to";
        List<List<OversightCell>> rows = new ArrayList<>();
        for (String type : PurgeJob.ORDER) {
            rows.add(List.of(typeTerm(type), new Count(count(sum.formatted("erased"), from, to, "t", type)),
                    new Count(count(sum.formatted("held"), from, to, "t", type)),
                    new Count(count(sum.formatted("awaiting_decision"), from, to, "t", type))));
        }
        return new OversightTable("retention-purge-counts", List.of("information-type", "erasures", "held",
                "awaiting-decision"), rows);
    }

    private OversightTable runCount(Instant from, Instant to) {
        long runs = count("SELECT COUNT(*) FROM retention_purge_run WHERE started_at >= :from AND started_at < :to",
                from, to);
        return new OversightTable("retention-purge-runs", List.of("runs"), List.of(List.of(new Count(runs))));
    }

    private static Term typeTerm(String type) {
        return new Term("retention.type." + type);
    }
}
