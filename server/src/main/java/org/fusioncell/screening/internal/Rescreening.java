package org.fusioncell.screening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.WatchlistChanged;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.screening.internal.ListIndexes.ListIndex;
import org.fusioncell.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a list changes (after commit, through the event publication registry, so a crash loses no
 * change): its index is rebuilt, then every person screened within the rescreen window is screened
 * again against it, and only candidates among the entries this version added or changed become hits.
 * A person is screened again as the user who screened them would be now: a list that user may no
 * longer see is not used. Hits are recorded once per person and entry content, so a republished event
 * does no harm. Person entities ({@link PersonScreening}) are screened again too, all of them and by the
 * system: their hits carry the entity's marking and are read under it and the list's.
 */
@Component
class Rescreening {

    private static final Logger log = LoggerFactory.getLogger(Rescreening.class);
    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final ListIndexes indexes;
    private final HitRecorder hits;
    private final Readers readers;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final ScreeningSettings settings;
    private final PersonScreening persons;

    Rescreening(JdbcClient jdbc, ListIndexes indexes, HitRecorder hits, Readers readers, Markings markings,
                AuditLog audit, Clock clock, ScreeningSettings settings, PersonScreening persons) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.hits = hits;
        this.readers = readers;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.persons = persons;
    }

    private record Subject(ScreenedSubject subject, String runId, String markingId, String organisationId,
                           String screenedBy, double threshold) {
    }

    @ApplicationModuleListener
    void on(WatchlistChanged changed) {
        Optional<ListIndex> rebuilt = indexes.rebuild(changed.listId());
        if (rebuilt.isEmpty() || changed.added() + changed.changed() == 0) {
            return;
        }
        ListIndex list = rebuilt.get();
        // the entries this version introduced and that are still current (a later version rescreens its own)
        Set<String> fresh = list.entries().values().stream().filter(e -> e.sinceVersion() == changed.versionNumber())
                .map(ListIndexes.Indexed::entryId).collect(Collectors.toSet());
        if (fresh.isEmpty()) {
            return;
        }
        Marking listMarking = markings.find(list.markingId()).orElseThrow();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Instant since = now.minus(settings.window());
        Map<String, Boolean> mayUse = new HashMap<>();
        List<String> created = new ArrayList<>();
        int screened = 0;
        String after = "";
        Timestamp afterAt = Timestamp.from(since);
        while (true) {
            List<Subject> page = page(afterAt, after, since);
            for (Subject s : page) {
                if (!mayUse.computeIfAbsent(s.screenedBy(), u -> visible(u, listMarking))) {
                    continue;
                }
                screened++;
                var found = Screener.screen(List.of(list), s.subject().query().subject(s.subject().id()),
                        s.threshold(), settings.candidateLimit()).stream()
                        .filter(f -> fresh.contains(f.entry().entryId())).toList();
                if (!found.isEmpty()) {
                    var r = hits.record(new HitRecorder.Run(s.runId(), s.markingId(), s.organisationId()),
                            s.subject().id(), SubjectKey.of(s.subject().names(), s.subject().birthDate(),
                                    s.subject().documents()), found, HitFacts.Origin.RESCREENING, now);
                    created.addAll(r.pending());
                    created.addAll(r.remembered());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().subject().id();
            afterAt = Timestamp.from(page.getLast().subject().screenedAt());
        }
        // person entities: every one, whatever its age, by the system (their hits are read under both markings)
        int entities = persons.rescreen(list, fresh, created, now);
        List<String> ids = new ArrayList<>(List.of(changed.listId(), changed.versionId()));
        ids.addAll(created);
        // the system acts here, not a user: no actor; the hits are ids, the people are not named
        audit.record(new AuditRecord(AuditAction.COLLECTION, null, null, Screening.INFORMATION_TYPE, ids,
                "rescreening after a list change", null, "OK", Map.of("list", changed.listId(),
                "version", String.valueOf(changed.versionNumber()), "subjects", String.valueOf(screened),
                "entities", String.valueOf(entities), "hits", String.valueOf(created.size()),
                "window", settings.window().toString())));
        log.info("Rescreened {} subject(s) and {} person entit(ies) against a list change: {} new hit(s)", screened,
                entities, created.size());
    }

    /** Subjects of batches and manifests screened since {@code since}, in (created_at, id) order after the given position. */
    private List<Subject> page(Timestamp afterAt, String afterId, Instant since) {
        return jdbc.sql("SELECT " + SubjectRows.COLUMNS + """
                        , r.marking_id, r.organisation_id, s.screened_by, r.threshold
                        FROM screening_subject s JOIN screening_run r ON r.id = s.run_id
                        WHERE s.entity_id IS NULL AND s.created_at >= :since
                            AND NOT EXISTS (SELECT 1 FROM screening_sealed_subject x WHERE x.subject_id = s.id) AND (s.created_at > :at OR (s.created_at = :at AND s.id > :after))
                        ORDER BY s.created_at, s.id LIMIT :limit""")
                .param("since", Timestamp.from(since)).param("at", afterAt).param("after", afterId)
                .param("limit", PAGE)
                .query((rs, n) -> new Subject(SubjectRows.read(rs, 0), rs.getString(2), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getDouble(14)))
                .list();
    }

    private boolean visible(String userId, Marking listMarking) {
        try {
            Reader reader = readers.forUser(userId, "rescreening");
            return AccessPolicy.decide(reader, Watchlists.INFORMATION_TYPE, listMarking).visible();
        } catch (NotFoundException e) {
            return false; // the user is gone: nobody's reading of the list is known, so it is not used
        }
    }
}
