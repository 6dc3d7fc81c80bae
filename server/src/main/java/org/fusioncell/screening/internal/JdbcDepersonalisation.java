package org.fusioncell.screening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.screening.Depersonalisation;
import org.fusioncell.screening.Explanation;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.SubjectDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Masks old runs one run per transaction, so a large backlog is neither one huge transaction nor lost
 * half-way: a run is claimed by setting its {@code depersonalised_at} (only the node whose update changed the
 * row goes on), its people and hits are sealed ({@link SubjectSeal}) and masked, and the step is audited, all
 * in that transaction.
 */
@Service
class JdbcDepersonalisation implements Depersonalisation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OLD_RUNS = """
            SELECT id FROM screening_run WHERE kind IN ('BATCH', 'MANIFEST') AND created_at < :cutoff""";

    private final JdbcClient jdbc;
    private final SubjectSeal seal;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    JdbcDepersonalisation(JdbcClient jdbc, SubjectSeal seal, AuditLog audit, Clock clock,
                          PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What a sealed row holds: the person's particulars and, per hit, the query side of the match. */
    record Sealed(List<String> names, String birthFrom, String birthTo, List<SubjectDocument> documents,
                  Map<String, SealedHit> hits) {
    }

    record SealedHit(String queryName, String explanation) {
    }

    @Override
    public Depersonalised depersonaliseBefore(Instant cutoff) {
        List<String> runs = jdbc.sql(OLD_RUNS + " AND depersonalised_at IS NULL ORDER BY created_at, id")
                .param("cutoff", Timestamp.from(cutoff)).query(String.class).list();
        int masked = 0;
        int subjects = 0;
        for (String runId : runs) {
            Integer n = transactions.execute(status -> mask(runId));
            if (n != null && n >= 0) {
                masked++;
                subjects += n;
            }
        }
        return new Depersonalised(masked, subjects);
    }

    /** The run's people masked, or -1 when another node claimed the run first. */
    private int mask(String runId) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        int claimed = jdbc.sql("UPDATE screening_run SET depersonalised_at = :now WHERE id = :id AND depersonalised_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", runId).update();
        if (claimed == 0) {
            return -1;
        }
        List<ScreenedSubject> people = jdbc.sql("SELECT " + SubjectRows.COLUMNS + " FROM screening_subject s WHERE s.run_id = :r")
                .param("r", runId).query((rs, n) -> SubjectRows.read(rs, 0)).list();
        String keyId = seal.keyId();
        for (ScreenedSubject p : people) {
            Map<String, SealedHit> hits = new LinkedHashMap<>();
            jdbc.sql("SELECT id, query_name, explanation FROM screening_hit WHERE subject_id = :s").param("s", p.id())
                    .query((rs, n) -> hits.put(rs.getString(1), new SealedHit(rs.getString(2), rs.getString(3)))).list();
            Sealed sealed = new Sealed(p.names(), p.birthDate() == null ? null : p.birthDate().earliest().toString(),
                    p.birthDate() == null ? null : p.birthDate().latest().toString(), p.documents(), hits);
            jdbc.sql("""
                    INSERT INTO screening_sealed_subject (subject_id, run_id, key_id, sealed, sealed_at)
                    VALUES (:s, :r, :k, :sealed, :now)""")
                    .param("s", p.id()).param("r", runId).param("k", keyId)
                    .param("sealed", seal.seal(p.id(), JSON.writeValueAsString(sealed))).param("now", Timestamp.from(now))
                    .update();
            List<SubjectDocument> documents = p.documents().stream()
                    .map(d -> new SubjectDocument(d.type(), MASK, d.country())).toList();
            jdbc.sql("""
                    UPDATE screening_subject SET names = :names, birth_from = NULL, birth_to = NULL, documents = :docs
                    WHERE id = :id""")
                    .param("names", JSON.writeValueAsString(List.of(MASK)))
                    .param("docs", JSON.writeValueAsString(documents)).param("id", p.id()).update();
            hits.forEach((hitId, h) -> jdbc.sql("UPDATE screening_hit SET query_name = :q, explanation = :e WHERE id = :id")
                    .param("q", MASK).param("e", JSON.writeValueAsString(masked(h.explanation()))).param("id", hitId)
                    .update());
        }
        String org = jdbc.sql("SELECT organisation_id FROM screening_run WHERE id = :id").param("id", runId)
                .query(String.class).single();
        audit.record(AuditRecord.of(AuditAction.ALTERATION, ACTOR, org, Screening.INFORMATION_TYPE, List.of(runId))
                .withPurpose("depersonalisation").withOutcome("DEPERSONALISED")
                .withDetails(Map.of("subjects", String.valueOf(people.size()), "key", keyId)));
        return people.size();
    }

    /** The explanation without the screened person's side: their name parts, and the one-line summary naming them. */
    private static Explanation masked(String json) {
        Explanation e = JSON.readValue(json, Explanation.class);
        return new Explanation(e.nameScore(),
                e.parts().stream().map(p -> new Explanation.PartMatch(MASK, p.listed(), p.similarity(), p.how())).toList(),
                e.onlyInQuery().stream().map(q -> MASK).toList(), e.onlyInListed(), e.factors(), MASK);
    }

    @Override
    public long eraseRunsBefore(Instant cutoff) {
        List<String> runs = jdbc.sql(OLD_RUNS + " ORDER BY created_at, id").param("cutoff", Timestamp.from(cutoff))
                .query(String.class).list();
        long erased = 0;
        for (String runId : runs) {
            Boolean done = transactions.execute(status -> erase(runId));
            erased += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return erased;
    }

    private boolean erase(String runId) {
        List<String> owner = jdbc.sql("SELECT organisation_id FROM screening_run WHERE id = :id FOR UPDATE")
                .param("id", runId).query(String.class).list();
        if (owner.isEmpty()) {
            return false; // erased by another node meanwhile
        }
        String hits = "SELECT id FROM screening_hit WHERE run_id = :r";
        jdbc.sql("UPDATE screening_false_positive SET hit_id = NULL WHERE hit_id IN (" + hits + ")").param("r", runId).update();
        jdbc.sql("DELETE FROM screening_hit_decision WHERE hit_id IN (" + hits + ")").param("r", runId).update();
        int hitCount = jdbc.sql("DELETE FROM screening_hit WHERE run_id = :r").param("r", runId).update();
        jdbc.sql("DELETE FROM screening_sealed_subject WHERE run_id = :r").param("r", runId).update();
        int subjects = jdbc.sql("DELETE FROM screening_subject WHERE run_id = :r").param("r", runId).update();
        jdbc.sql("DELETE FROM screening_run WHERE id = :r").param("r", runId).update();
        audit.record(AuditRecord.of(AuditAction.ERASURE, ACTOR, owner.getFirst(), Screening.INFORMATION_TYPE,
                List.of(runId)).withPurpose("retention").withOutcome("ERASED")
                .withDetails(Map.of("subjects", String.valueOf(subjects), "hits", String.valueOf(hitCount))));
        return true;
    }

    @Override
    public boolean depersonalised(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM screening_run WHERE id = :id AND depersonalised_at IS NOT NULL")
                .param("id", runId).query(Long.class).single() > 0;
    }

    @Override
    public Figures figures(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        long runs = jdbc.sql("SELECT COUNT(*) FROM screening_run WHERE depersonalised_at >= :f AND depersonalised_at < :t")
                .param("f", f).param("t", t).query(Long.class).single();
        long subjects = jdbc.sql("SELECT COUNT(*) FROM screening_sealed_subject WHERE sealed_at >= :f AND sealed_at < :t")
                .param("f", f).param("t", t).query(Long.class).single();
        Map<String, Long> byState = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT state, COUNT(*) FROM screening_repersonalisation WHERE requested_at >= :f AND requested_at < :t
                GROUP BY state""").param("f", f).param("t", t)
                .query((rs, n) -> byState.put(rs.getString(1), rs.getLong(2))).list();
        long approved = byState.getOrDefault("APPROVED", 0L);
        long refused = byState.getOrDefault("REFUSED", 0L);
        long pending = byState.getOrDefault("PENDING", 0L);
        return new Figures(runs, subjects, approved + refused + pending, approved, refused, pending);
    }
}
