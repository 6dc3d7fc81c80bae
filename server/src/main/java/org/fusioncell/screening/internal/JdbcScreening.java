package org.fusioncell.screening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.ScreeningResult;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.SubjectDocument;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.screening.internal.ListIndexes.ListIndex;
import org.fusioncell.screening.manifest.Manifest;
import org.fusioncell.screening.manifest.Traveller;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screening against the indexes of the lists the reader may see ({@link Markings#visibleIds}): a single
 * query answers at once; a batch or a manifest is stored as a run with its people and hits, in one
 * transaction with its audit records.
 */
@Service
class JdbcScreening implements Screening {

    static final double MIN_THRESHOLD = 0.3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final ListIndexes indexes;
    private final HitRecorder hits;
    private final SubjectRows subjects;
    private final ScreeningSettings settings;
    private final ClassificationScheme scheme;
    private final RunReads reads;

    JdbcScreening(JdbcClient jdbc, Markings markings, AuditLog audit, Clock clock, ListIndexes indexes,
                  HitRecorder hits, SubjectRows subjects, ScreeningSettings settings, ClassificationScheme scheme,
                  RunReads reads) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.indexes = indexes;
        this.hits = hits;
        this.subjects = subjects;
        this.settings = settings;
        this.scheme = scheme;
        this.reads = reads;
    }

    private List<ListIndex> visibleLists(Reader reader) {
        return indexes.visible(markings.visibleIds(reader, Watchlists.INFORMATION_TYPE));
    }

    double threshold(@Nullable Double asked) {
        double t = asked == null ? settings.defaultThreshold() : asked;
        if (Double.isNaN(t) || t < MIN_THRESHOLD || t > 1) {
            throw new InvalidInputException("threshold", "between " + MIN_THRESHOLD + " and 1");
        }
        return t;
    }

    @Override
    @Transactional
    public ScreeningResult query(Reader reader, ScreeningQuery query, @Nullable Double asked) {
        double threshold = threshold(asked);
        List<ListIndex> lists = visibleLists(reader);
        var found = Screener.screen(lists, query.subject("query"), threshold, settings.candidateLimit());
        // the query's names are personal data: the audit names the lists searched and what came out, never the names
        audit.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(),
                        Watchlists.INFORMATION_TYPE, lists.stream().map(ListIndex::listId).toList())
                .withPurpose(reader.purpose()).withDetails(Map.of("view", "screening query",
                        "threshold", String.valueOf(threshold), "candidates", String.valueOf(found.size()))));
        return new ScreeningResult(threshold, lists.stream().map(l -> new ScreeningResult.ListScreened(l.listId(),
                l.listName(), l.version(), l.entries().size())).toList(),
                found.stream().map(Screener::match).toList());
    }

    @Override
    @Transactional
    public ScreeningRun screenBatch(Reader reader, @Nullable String sourceName, List<Integer> ordinals,
                                    List<ScreeningQuery> rows, @Nullable Marking marking, @Nullable Double asked) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "no row to screen");
        }
        return run(reader, ScreeningRun.Kind.BATCH, sourceName, null, ordinals, rows, marking, threshold(asked));
    }

    @Override
    @Transactional
    public List<ScreeningRun> screenManifests(Reader reader, @Nullable String sourceName, List<Manifest> manifests,
                                              @Nullable Marking marking, @Nullable Double asked) {
        double threshold = threshold(asked);
        if (manifests.isEmpty()) {
            throw new InvalidInputException("file", "no PAXLST message in the file");
        }
        List<ScreeningRun> runs = new ArrayList<>();
        for (Manifest m : manifests) {
            List<Integer> ordinals = m.travellers().stream().map(Traveller::position).toList();
            List<ScreeningQuery> people = m.travellers().stream().map(JdbcScreening::query).toList();
            var f = m.flight();
            ScreeningRun.FlightFacts flight = new ScreeningRun.FlightFacts(m.messageReference(),
                    f == null ? "" : nonNull(f.carrier()), f == null ? "" : nonNull(f.flightNumber()),
                    f == null ? null : f.departureAirport(), f == null ? null : f.departure(),
                    f == null ? null : f.arrivalAirport(), f == null ? null : f.arrival(),
                    m.irregularities().stream().map(Object::toString).toList());
            runs.add(run(reader, ScreeningRun.Kind.MANIFEST, sourceName, flight, ordinals, people, marking, threshold));
        }
        return runs;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** A traveller as screened: the full name, date of birth, nationality, gender and every document. */
    static ScreeningQuery query(Traveller t) {
        return new ScreeningQuery(List.of(t.fullName()), t.birthDate(),
                t.nationality() == null ? Set.of() : Set.of(t.nationality()), t.gender(),
                t.documents().stream().map(d -> new SubjectDocument(d.type(), d.number(), d.issuingCountry())).toList());
    }

    private ScreeningRun run(Reader reader, ScreeningRun.Kind kind, @Nullable String sourceName,
                             ScreeningRun.@Nullable FlightFacts flight, List<Integer> ordinals, List<ScreeningQuery> rows,
                             @Nullable Marking asked, double threshold) {
        Marking marking = asked != null ? asked : new Marking(settings.classificationRank(scheme), Tlp.AMBER_STRICT,
                Releasability.NONE, false, Set.of(), reader.organisationId());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        HitRecorder.Run run = new HitRecorder.Run(Ids.newId(), markings.save(marking), reader.organisationId());
        jdbc.sql("""
                INSERT INTO screening_run (id, kind, source_name, details, threshold, subject_count, marking_id,
                    organisation_id, created_by, created_at)
                VALUES (:id, :kind, :source, :details, :threshold, :count, :marking, :org, :by, :now)""")
                .param("id", run.id()).param("kind", kind.name())
                .param("source", sourceName == null ? null : clip(sourceName, 200))
                .param("details", flight == null ? null : JSON.writeValueAsString(flight))
                .param("threshold", threshold).param("count", rows.size()).param("marking", run.markingId())
                .param("org", run.organisationId()).param("by", reader.userId()).param("now", Timestamp.from(now))
                .update();
        List<SubjectRows.Stored> stored = subjects.insert(run, ordinals, rows, reader.userId(), now);
        List<ListIndex> lists = visibleLists(reader);
        List<String> pending = new ArrayList<>();
        List<String> remembered = new ArrayList<>();
        for (SubjectRows.Stored s : stored) {
            var found = Screener.screen(lists, s.query().subject(s.id()), threshold, settings.candidateLimit());
            if (!found.isEmpty()) {
                HitRecorder.Recorded r = hits.record(run, s.id(), s.key(), found, HitFacts.Origin.SCREENING, now);
                pending.addAll(r.pending());
                remembered.addAll(r.remembered());
            }
        }
        List<String> ids = new ArrayList<>(List.of(run.id()));
        ids.addAll(pending);
        audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(), INFORMATION_TYPE,
                ids).withPurpose(reader.purpose()).withDetails(Map.of("kind", kind.name(),
                "subjects", String.valueOf(rows.size()), "hits", String.valueOf(pending.size()),
                "lists", String.valueOf(lists.size()), "threshold", String.valueOf(threshold),
                "classificationRank", String.valueOf(marking.classificationRank()), "tlp", marking.tlp().name())));
        if (!remembered.isEmpty()) {
            List<String> dismissed = new ArrayList<>(List.of(run.id()));
            dismissed.addAll(remembered);
            audit.record(AuditRecord.of(AuditAction.COLLECTION, reader.userId(), reader.organisationId(),
                    INFORMATION_TYPE, dismissed).withPurpose(reader.purpose()).withOutcome("REMEMBERED_FALSE_POSITIVE")
                    .withDetails(Map.of("hits", String.valueOf(remembered.size()))));
        }
        return reads.summary(reader, run.id()).orElseThrow();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    @Transactional
    public Page<ScreeningRun> runs(Reader reader, ScreeningRun.@Nullable Kind kind, PageRequest page) {
        return reads.runs(reader, kind, page);
    }

    @Override
    @Transactional
    public long countRuns(Reader reader, ScreeningRun.@Nullable Kind kind) {
        return reads.count(reader, kind);
    }

    @Override
    @Transactional
    public ScreeningAccess<ScreeningRun> run(Reader reader, String runId) {
        return reads.open(reader, runId, "run", run -> run);
    }

    @Override
    @Transactional
    public ScreeningAccess<Page<ScreenedSubject>> subjects(Reader reader, String runId, PageRequest page) {
        return reads.open(reader, runId, "subjects", run -> reads.subjects(reader, run.id(), page));
    }
}
