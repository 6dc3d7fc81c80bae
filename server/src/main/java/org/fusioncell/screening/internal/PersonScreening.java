package org.fusioncell.screening.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.EntityRecorded;
import org.fusioncell.entities.PersonParticulars;
import org.fusioncell.entities.Persons;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.SubjectDocument;
import org.fusioncell.screening.internal.ListIndexes.ListIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screens PERSON entities of the entities module against every list, with no user: when an entity is
 * recorded or re-marked ({@link EntityRecorded}, after commit through the event publication registry)
 * and, called by {@link Rescreening}, when a list changes. Each person entity has one run of kind ENTITY
 * with one subject, both carrying the entity's marking, and so do its hits: a hit is then read only by
 * whom may see the entity (its marking) and the list (the list's marking), as every hit is. All lists
 * are used, whoever may see them, because visibility is decided when a hit is read, not when it is made.
 * The system is no user: runs and subjects are created by {@link #SYSTEM}. Hits are recorded once per
 * subject and entry content, so a redelivered event adds nothing.
 */
@Component
class PersonScreening {

    /** {@code created_by} / {@code screened_by} of entity runs and subjects: the system, not a user id. */
    static final String SYSTEM = "system:person-screening";
    static final String RECORDED = "screening of a recorded person entity";
    private static final Logger log = LoggerFactory.getLogger(PersonScreening.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Persons persons;
    private final ListIndexes indexes;
    private final HitRecorder hits;
    private final AuditLog audit;
    private final Clock clock;
    private final ScreeningSettings settings;

    PersonScreening(JdbcClient jdbc, Persons persons, ListIndexes indexes, HitRecorder hits, AuditLog audit,
                    Clock clock, ScreeningSettings settings) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.indexes = indexes;
        this.hits = hits;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** The entity's subject as now stored, with the run its hits belong to. */
    private record Target(HitRecorder.Run run, String subjectId, ScreeningQuery query, String key) {
    }

    /**
     * An erased person leaves no particulars in screening: its subject's names, dates of birth, nationalities and
     * documents are blanked and its hits' query names with them, in the erasure's own transaction (a synchronous
     * listener). The run, the hits against listed entries and the decisions on them stay, for oversight (who
     * decided what, on which listed entry), without the person.
     */
    @org.springframework.context.event.EventListener
    void on(org.fusioncell.entities.EntityErased erased) {
        List<String> subjects = jdbc.sql("SELECT id FROM screening_subject WHERE entity_id = :e")
                .param("e", erased.entityId()).query(String.class).list();
        if (subjects.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE screening_hit SET query_name = '' WHERE subject_id IN (:s)").param("s", subjects).update();
        jdbc.sql("UPDATE screening_subject SET names = '[]', birth_from = NULL, birth_to = NULL, nationalities = NULL,"
                        + " documents = '[]', entity_id = NULL, entity_digest = NULL WHERE id IN (:s)")
                .param("s", subjects).update();
        audit.record(new AuditRecord(AuditAction.ERASURE, null, erased.organisationId(), Screening.INFORMATION_TYPE,
                subjects, "erasure of a person entity", null, "OK", Map.of("entity", erased.entityId())));
    }

    @ApplicationModuleListener
    void on(EntityRecorded recorded) {
        Optional<PersonParticulars> person = persons.particulars(recorded.entityId());
        if (person.isEmpty()) {
            return; // not a person (or gone): nothing to screen
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Optional<Target> target = target(person.get(), now);
        if (target.isEmpty()) {
            return;
        }
        Collection<ListIndex> lists = indexes.all();
        HitRecorder.Recorded r = screen(target.get(), lists, Set.of(), HitFacts.Origin.ENTITY, now);
        List<String> ids = new ArrayList<>(List.of(recorded.entityId(), target.get().run().id()));
        ids.addAll(r.pending());
        ids.addAll(r.remembered());
        // the system acts, not a user: no actor; ids only, never the person's names
        audit.record(new AuditRecord(AuditAction.COLLECTION, null, null, Screening.INFORMATION_TYPE, ids,
                RECORDED, null, "OK", Map.of("lists", String.valueOf(lists.size()),
                "hits", String.valueOf(r.pending().size()), "remembered", String.valueOf(r.remembered().size()))));
        log.info("Screened a recorded person entity against {} list(s): {} new hit(s)", lists.size(), r.total());
    }

    /**
     * Screens every person entity against one changed list; only candidates among {@code fresh} entry
     * ids (added or changed by the version) become hits. Runs in the caller's transaction; the new hit
     * ids are added to {@code created}. Returns the number of persons screened.
     */
    int rescreen(ListIndex list, Set<String> fresh, List<String> created, Instant now) {
        int screened = 0;
        String after = "";
        while (true) {
            List<PersonParticulars> page = persons.page(after, PAGE);
            for (PersonParticulars p : page) {
                Optional<Target> target = target(p, now);
                if (target.isPresent()) {
                    screened++;
                    HitRecorder.Recorded r = screen(target.get(), List.of(list), fresh, HitFacts.Origin.RESCREENING, now);
                    created.addAll(r.pending());
                    created.addAll(r.remembered());
                }
            }
            if (page.size() < PAGE) {
                return screened;
            }
            after = page.getLast().entityId();
        }
    }

    private HitRecorder.Recorded screen(Target t, Collection<ListIndex> lists, Set<String> onlyEntries,
                                        HitFacts.Origin origin, Instant now) {
        var found = Screener.screen(lists, t.query().subject(t.subjectId()), settings.defaultThreshold(),
                settings.candidateLimit()).stream()
                .filter(f -> onlyEntries.isEmpty() || onlyEntries.contains(f.entry().entryId())).toList();
        return found.isEmpty() ? new HitRecorder.Recorded(List.of(), List.of())
                : hits.record(t.run(), t.subjectId(), t.key(), found, origin, now);
    }

    /**
     * The entity's run and subject, created on first sight and brought up to date when its particulars or
     * marking changed (its existing hits take the new marking: they show the entity). Empty when the
     * entity has no name to screen.
     */
    private Optional<Target> target(PersonParticulars p, Instant now) {
        Optional<ScreeningQuery> q = query(p);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        ScreeningQuery query = q.get();
        String key = SubjectKey.of(query.names(), query.birthDate(), query.documents());
        String digest = EntryPayload.hash(JSON.writeValueAsString(List.of(query.names(),
                query.birthDate() == null ? "" : query.birthDate().earliest() + ".." + query.birthDate().latest(),
                new TreeSet<>(query.nationalities()), query.gender().name(), p.documentNumbers(), p.markingId(),
                p.ownerOrganisationId())));
        // ids derived from the entity's: two deliveries racing (a redelivery, a list change) insert the same
        // rows, and the second insert does nothing instead of failing
        HitRecorder.Run run = new HitRecorder.Run(derived("run", p.entityId()), p.markingId(), p.ownerOrganisationId());
        String subjectId = derived("subject", p.entityId());
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                INSERT INTO screening_run (id, kind, source_name, details, threshold, subject_count, marking_id,
                    organisation_id, created_by, created_at)
                VALUES (:id, 'ENTITY', :source, NULL, :threshold, 1, :marking, :org, :by, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", run.id()).param("source", "entity:" + p.entityId())
                .param("threshold", settings.defaultThreshold()).param("marking", run.markingId())
                .param("org", run.organisationId()).param("by", SYSTEM).param("now", at).update();
        int inserted = jdbc.sql("""
                        INSERT INTO screening_subject (id, run_id, ordinal, names, birth_from, birth_to, nationalities,
                            gender, documents, marking_id, organisation_id, screened_by, created_at, entity_id, entity_digest)
                        VALUES (:id, :run, 1, :names, :from, :to, :nationalities, :gender, :documents, :marking, :org,
                            :by, :now, :entity, :digest)
                        ON CONFLICT DO NOTHING""")
                .param("id", subjectId).param("run", run.id()).param("names", JSON.writeValueAsString(query.names()))
                .param("from", query.birthDate() == null ? null : Date.valueOf(query.birthDate().earliest()))
                .param("to", query.birthDate() == null ? null : Date.valueOf(query.birthDate().latest()))
                .param("nationalities", String.join(",", new TreeSet<>(query.nationalities())))
                .param("gender", query.gender().name()).param("documents", JSON.writeValueAsString(query.documents()))
                .param("marking", run.markingId()).param("org", run.organisationId()).param("by", SYSTEM)
                .param("now", at).param("entity", p.entityId()).param("digest", digest).update();
        if (inserted == 0) {
            String stored = jdbc.sql("SELECT entity_digest FROM screening_subject WHERE id = :id").param("id", subjectId)
                    .query(String.class).single();
            if (!digest.equals(stored)) {
                update(subjectId, run, query, digest);
            }
        }
        return Optional.of(new Target(run, subjectId, query, key));
    }

    /** The id of the entity's run or subject: a name-based UUID of the entity's id, the same on every delivery. */
    static String derived(String what, String entityId) {
        return UUID.nameUUIDFromBytes(("screening-entity-" + what + ":" + entityId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private void update(String subjectId, HitRecorder.Run run, ScreeningQuery q, String digest) {
        jdbc.sql("""
                        UPDATE screening_subject SET names = :names, birth_from = :from, birth_to = :to,
                            nationalities = :nationalities, gender = :gender, documents = :documents, marking_id = :marking,
                            organisation_id = :org, entity_digest = :digest WHERE id = :id""")
                .param("names", JSON.writeValueAsString(q.names()))
                .param("from", q.birthDate() == null ? null : Date.valueOf(q.birthDate().earliest()))
                .param("to", q.birthDate() == null ? null : Date.valueOf(q.birthDate().latest()))
                .param("nationalities", String.join(",", new TreeSet<>(q.nationalities())))
                .param("gender", q.gender().name()).param("documents", JSON.writeValueAsString(q.documents()))
                .param("marking", run.markingId()).param("org", run.organisationId()).param("digest", digest)
                .param("id", subjectId).update();
        jdbc.sql("UPDATE screening_run SET marking_id = :marking, organisation_id = :org WHERE id = :id")
                .param("marking", run.markingId()).param("org", run.organisationId()).param("id", run.id()).update();
        jdbc.sql("UPDATE screening_hit SET marking_id = :marking, organisation_id = :org WHERE subject_id = :id")
                .param("marking", run.markingId()).param("org", run.organisationId()).param("id", subjectId).update();
    }

    /** The person as screened; empty without a name. A date of birth the engine cannot read is left out. */
    static Optional<ScreeningQuery> query(PersonParticulars p) {
        List<String> names = p.names().stream().filter(n -> n.codePoints().anyMatch(Character::isLetter))
                .map(n -> n.length() <= 1000 ? n : n.substring(0, 1000)).toList();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScreeningQuery(names, birthDate(p.dateOfBirth()),
                p.nationality() == null ? Set.of() : Set.of(p.nationality().toLowerCase(Locale.ROOT)),
                gender(p.gender()), p.documentNumbers().stream().map(n -> new SubjectDocument("", n, null)).toList()));
    }

    private static @Nullable BirthDate birthDate(@Nullable String text) {
        try {
            return text == null ? null : BirthDate.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Subject.Gender gender(@Nullable String text) {
        return "MALE".equals(text) ? Subject.Gender.MALE : "FEMALE".equals(text) ? Subject.Gender.FEMALE
                : Subject.Gender.UNKNOWN;
    }
}
