package org.fusioncell.monitoring.incidents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.incidents.Incident;
import org.fusioncell.monitoring.incidents.IncidentAccess;
import org.fusioncell.monitoring.incidents.IncidentStatistics;
import org.fusioncell.monitoring.incidents.IncidentVocabularies;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/incidents}: record, list, count, open, export and aggregate incidents under need-to-know. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentsApi {

    private final Incidents incidents;
    private final IncidentStatistics statistics;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final IncidentVocabularies vocabularies;
    private final Organisations organisations;
    private final JsonMapper json;

    IncidentsApi(Incidents incidents, IncidentStatistics statistics, Readers readers, ClassificationScheme scheme,
                 MarkingVocabulary vocabulary, IncidentVocabularies vocabularies, Organisations organisations,
                 JsonMapper json) {
        this.incidents = incidents;
        this.statistics = statistics;
        this.readers = readers;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.vocabularies = vocabularies;
        this.organisations = organisations;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<IncidentView> record(@RequestBody IncidentForm form) {
        Reader author = readers.current();
        var draft = form.toDraft(scheme, vocabulary, author);
        Incident incident = incidents.record(author, draft);
        // what was written, answered as written: the author need not be able to read it back (a caveat, TLP:RED)
        var detail = new org.fusioncell.monitoring.incidents.IncidentDetail(incident, draft.endDate(),
                draft.datePrecision() == null ? org.fusioncell.monitoring.incidents.IncidentDetail.DatePrecision.DAY
                        : draft.datePrecision(), blankToNull(draft.admin1Code()), blankToNull(draft.perpetratorEntityId()),
                blankToNull(draft.description()), null, null);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id()))
                .body(IncidentView.of(detail, scheme));
    }

    @GetMapping
    Page<IncidentView.Summary> list(IncidentParams params, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return incidents.list(readers.current(), params.query(vocabularies), PageRequest.of(page, size))
                .map(i -> IncidentView.Summary.of(i, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count(IncidentParams params) {
        return Map.of("count", incidents.count(readers.current(), params.query(vocabularies)));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> open(@PathVariable String id) {
        return switch (incidents.open(readers.current(), id)) {
            case IncidentAccess.Opened opened -> ResponseEntity.ok(IncidentView.of(opened.detail(), scheme));
            case IncidentAccess.KnownToExist known -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                        "An organisation holds this incident; ask it for release.");
                p.setProperty("holderOrganisation", organisations.find(known.holderOrganisationId())
                        .map(o -> Map.of("id", o.id(), "name", o.name()))
                        .orElse(Map.of("id", known.holderOrganisationId())));
                p.setProperty("classification", scheme.level(Math.min(known.marking().classificationRank(),
                        scheme.levels().size() - 1)));
                yield ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
            case IncidentAccess.Unknown unknown -> throw new NotFoundException("incident");
        };
    }

    /** Every incident the reader may see under the filters, as JSON lines, newest first; one export record. */
    @GetMapping(value = "/export", produces = "application/x-ndjson")
    void export(IncidentParams params, HttpServletResponse response) throws IOException {
        var query = params.query(vocabularies);
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        incidents.export(readers.current(), query, d -> {
            try {
                out.write(json.writeValueAsBytes(IncidentView.of(d, scheme)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** Incidents and fatalities per period and key, over what the reader may see. */
    @GetMapping("/statistics")
    Map<String, Object> statistics(IncidentParams params, @RequestParam(required = false) String grouping,
                                   @RequestParam(required = false) String period) {
        IncidentStatistics.Grouping g = choice(IncidentStatistics.Grouping.class, grouping, "grouping",
                IncidentStatistics.Grouping.NONE);
        IncidentStatistics.Period p = choice(IncidentStatistics.Period.class, period, "period",
                IncidentStatistics.Period.MONTH);
        List<IncidentStatistics.IncidentCount> counts = statistics.counts(readers.current(), params.filter(vocabularies), g, p);
        return Map.of("grouping", g.name(), "period", p.name(), "items", counts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String field, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "one of " + List.of(type.getEnumConstants()));
        }
    }
}
