package org.fusioncell.screening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.NameMatcher;
import org.fusioncell.screening.HitState;
import org.fusioncell.screening.PersonHit;
import org.fusioncell.screening.PersonHits;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.SubjectDocument;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's hits for redress. Every subject of a batch or manifest run with a hit on a list the officer may
 * see is compared with the person: its particulars as screened (sealed ones opened in memory, never shown)
 * against theirs. This reads every hit subject once per search — redress requests are few, and it keeps
 * the matching in one place; an installation with millions of hits would want an index of subject keys.
 */
@Service
class JdbcPersonHits implements PersonHits {

    /** Names alike from this score, with no conflicting date of birth, may be the same person. */
    static final double LIKENESS = 0.85;
    private static final NameMatcher NAMES = new NameMatcher();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SealedSubjects sealed;

    JdbcPersonHits(JdbcClient jdbc, AuditLog audit, Clock clock, SealedSubjects sealed) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.sealed = sealed;
    }

    private record Found(ScreenedSubject screened, ScreenedSubject original, String hitId, ScreeningRun.Kind kind,
                         String organisationId, String listId, String listName, String entryReference,
                         String matchedName, double score, HitState state) {

        PersonHit hit(double likeness) {
            return new PersonHit(hitId, screened.runId(), kind, screened.screenedAt(), organisationId, screened.names(),
                    screened.birthDate(), !screened.equals(original), listId, listName, entryReference, matchedName,
                    score, state, likeness);
        }
    }

    private List<Found> found(Reader officer, String extraWhere, Map<String, Object> extraParams) {
        SqlPredicate lists = ListVisibility.of(officer, "h.watchlist_id");
        Map<String, Object> params = new HashMap<>(lists.params());
        params.putAll(extraParams);
        return jdbc.sql("SELECT " + SubjectRows.COLUMNS + """
                        , h.id, r.kind, h.organisation_id, h.watchlist_id, w.name, h.entry_reference, h.matched_name,
                        h.score, h.state
                        FROM screening_hit h JOIN screening_subject s ON s.id = h.subject_id
                            JOIN screening_run r ON r.id = h.run_id JOIN screening_watchlist w ON w.id = h.watchlist_id
                        WHERE r.kind IN ('BATCH', 'MANIFEST') AND\s""" + lists.sql() + extraWhere
                        + " ORDER BY h.created_at DESC, h.id DESC")
                .params(params)
                .query((rs, n) -> {
                    ScreenedSubject s = SubjectRows.read(rs, 0);
                    return new Found(s, s, rs.getString(11), ScreeningRun.Kind.valueOf(rs.getString(12)),
                            rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                            rs.getDouble(18), HitState.valueOf(rs.getString(19)));
                }).list().stream()
                .map(f -> new Found(f.screened(), sealed.original(f.screened()), f.hitId(), f.kind(), f.organisationId(),
                        f.listId(), f.listName(), f.entryReference(), f.matchedName(), f.score(), f.state()))
                .toList();
    }

    @Override
    @Transactional
    public List<PersonHit> about(Reader officer, ScreeningQuery person) {
        String key = SubjectKey.of(person.names(), person.birthDate(), person.documents());
        Set<String> numbers = numbers(person.documents());
        List<PersonHit> hits = new ArrayList<>();
        for (Found f : found(officer, "", Map.of())) {
            ScreenedSubject o = f.original();
            double likeness;
            if (SubjectKey.of(o.names(), o.birthDate(), o.documents()).equals(key)) {
                likeness = 1;
            } else if (numbers(o.documents()).stream().anyMatch(numbers::contains)) {
                likeness = 0.99;
            } else {
                likeness = names(person.names(), o.names());
                if (likeness < LIKENESS || conflicting(person.birthDate(), o.birthDate())) {
                    continue;
                }
            }
            hits.add(f.hit(Math.round(likeness * 100) / 100.0));
        }
        hits.sort(Comparator.comparingDouble(PersonHit::likeness).reversed());
        // the person's particulars are personal data: the record names what was found, not whom
        audit.record(AuditRecord.of(AuditAction.SEARCH, officer.userId(), officer.organisationId(),
                Screening.INFORMATION_TYPE, hits.stream().map(PersonHit::hitId).toList()).withPurpose(officer.purpose())
                .withDetails(Map.of("view", "hit history of a person (redress)", "found", String.valueOf(hits.size()))));
        return hits;
    }

    private static Set<String> numbers(List<SubjectDocument> documents) {
        return documents.stream().map(d -> d.number().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""))
                .filter(n -> !n.isEmpty() && !n.equals("***")).collect(Collectors.toSet());
    }

    private static double names(List<String> asked, List<String> screened) {
        double best = 0;
        for (String a : asked) {
            for (String s : screened) {
                best = Math.max(best, NAMES.compare(a, s).score());
            }
        }
        return best;
    }

    private static boolean conflicting(BirthDate a, BirthDate b) {
        return a != null && b != null && (a.latest().isBefore(b.earliest()) || b.latest().isBefore(a.earliest()));
    }

    @Override
    @Transactional
    public List<PersonHit> hits(Reader officer, Collection<String> hitIds) {
        List<String> ids = hitIds.stream().filter(Ids::isWellFormed).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, PersonHit> byId = found(officer, " AND h.id IN (:ids)", Map.of("ids", ids)).stream()
                .collect(Collectors.toMap(Found::hitId, f -> f.hit(1)));
        List<PersonHit> hits = ids.stream().filter(byId::containsKey).map(byId::get).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, officer.userId(), officer.organisationId(),
                Screening.INFORMATION_TYPE, hits.stream().map(PersonHit::hitId).toList()).withPurpose(officer.purpose())
                .withDetails(Map.of("view", "hits of a redress request")));
        return hits;
    }

    @Override
    @Transactional
    public int clear(Reader officer, String redressId, Collection<String> hitIds) {
        List<String> ids = hitIds.stream().filter(Ids::isWellFormed).distinct().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        int cleared = 0;
        List<String> done = new ArrayList<>();
        for (Found f : found(officer, " AND h.id IN (:ids)", Map.of("ids", ids))) {
            ScreenedSubject o = f.original();
            cleared += jdbc.sql("""
                    INSERT INTO screening_cleared_person (id, watchlist_id, entry_reference, subject_key, redress_id,
                        created_by, created_at)
                    VALUES (:id, :list, :ref, :key, :redress, :by, :now) ON CONFLICT DO NOTHING""")
                    .param("id", Ids.newId()).param("list", f.listId()).param("ref", f.entryReference())
                    .param("key", SubjectKey.of(o.names(), o.birthDate(), o.documents())).param("redress", redressId)
                    .param("by", officer.userId()).param("now", now).update();
            done.add(f.hitId());
        }
        audit.record(AuditRecord.of(AuditAction.ALTERATION, officer.userId(), officer.organisationId(),
                Screening.INFORMATION_TYPE, done).withPurpose(officer.purpose()).withOutcome("CLEARED_BY_REDRESS")
                .withDetails(Map.of("redress", redressId, "cleared", String.valueOf(cleared))));
        return cleared;
    }
}
