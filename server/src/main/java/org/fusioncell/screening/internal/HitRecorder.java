package org.fusioncell.screening.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.internal.Screener.Found;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns candidates into hits, once per person and entry content (screening again finds the existing
 * hit, not a second one). A candidate whose entry content the organisation already dismissed for the
 * same person ({@link SubjectKey}), or of which an upheld redress request cleared the person, is recorded
 * straight away as a dismissed, remembered false positive.
 * Callers run inside their transaction and audit what was recorded.
 */
@Component
class HitRecorder {

    static final String REMEMBERED = "remembered false positive";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The run a subject belongs to: hits take its marking and organisation. */
    record Run(String id, String markingId, String organisationId) {
    }

    /** What was recorded: new hits to review, and new hits dismissed from memory. */
    record Recorded(List<String> pending, List<String> remembered) {
        int total() {
            return pending.size() + remembered.size();
        }
    }

    private final JdbcClient jdbc;

    HitRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Recorded record(Run run, String subjectId, String subjectKey, List<Found> found, HitFacts.Origin origin,
                    Instant now) {
        List<String> pending = new ArrayList<>();
        List<String> remembered = new ArrayList<>();
        for (Found f : found) {
            boolean known = jdbc.sql("""
                            SELECT COUNT(*) FROM screening_false_positive WHERE organisation_id = :org AND watchlist_id = :l
                            AND entry_reference = :ref AND entry_hash = :hash AND subject_key = :key""")
                    .param("org", run.organisationId()).param("l", f.list().listId()).param("ref", f.entry().reference())
                    .param("hash", f.entry().contentHash()).param("key", subjectKey).query(Long.class).single() > 0
                    || cleared(f, subjectKey);
            String id = Ids.newId();
            Timestamp at = Timestamp.from(now);
            int inserted = jdbc.sql("""
                            INSERT INTO screening_hit (id, run_id, subject_id, watchlist_id, version_id, entry_id,
                                entry_reference, matched_name, query_name, score, explanation, origin, state, remembered,
                                decided_at, decision_reason, marking_id, organisation_id, created_at)
                            VALUES (:id, :run, :subject, :list, :version, :entry, :ref, :matched, :query, :score,
                                :explanation, :origin, :state, :remembered, :decidedAt, :reason, :marking, :org, :now)
                            ON CONFLICT DO NOTHING""")
                    .param("id", id).param("run", run.id()).param("subject", subjectId)
                    .param("list", f.list().listId()).param("version", f.list().versionId())
                    .param("entry", f.entry().entryId()).param("ref", f.entry().reference())
                    .param("matched", clip(f.candidate().matchedName())).param("query", clip(f.candidate().queryName()))
                    .param("score", Screener.round(f.candidate().score()))
                    .param("explanation", JSON.writeValueAsString(Screener.explanation(f.candidate())))
                    .param("origin", origin.name()).param("state", known ? "DISMISSED" : "PENDING")
                    .param("remembered", known).param("decidedAt", known ? at : null)
                    .param("reason", known ? REMEMBERED : null).param("marking", run.markingId())
                    .param("org", run.organisationId()).param("now", at)
                    .update();
            if (inserted == 0) {
                continue; // this person already has a hit for this entry content
            }
            if (known) {
                jdbc.sql("""
                        INSERT INTO screening_hit_decision (id, hit_id, decision, user_id, reason, decided_at)
                        VALUES (:id, :hit, 'REMEMBERED_FALSE_POSITIVE', NULL, :reason, :at)""")
                        .param("id", Ids.newId()).param("hit", id).param("reason", REMEMBERED).param("at", at).update();
                remembered.add(id);
            } else {
                pending.add(id);
            }
        }
        return new Recorded(pending, remembered);
    }

    /** An upheld redress request cleared this person of this entry, for every organisation (docs/redress.md). */
    private boolean cleared(Found f, String subjectKey) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM screening_cleared_person WHERE watchlist_id = :l AND entry_reference = :ref
                        AND subject_key = :key""")
                .param("l", f.list().listId()).param("ref", f.entry().reference()).param("key", subjectKey)
                .query(Long.class).single() > 0;
    }

    private static String clip(String name) {
        return name.length() <= 1000 ? name : name.substring(0, 1000);
    }
}
