package org.fusioncell.screening.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/screening/lists/imports}: a list file (UN XML, FollowTheMoney JSON lines, national
 * CSV) or OFAC's set of files ({@code sdn.csv}, {@code alt.csv}, {@code sdn_comments.csv} as several
 * {@code file} parts) imported as the next version of a list ({@link ListUploads}); nothing is stored
 * unless the whole list reads.
 */
@RestController
@RequestMapping("/api/v1/screening/lists/imports")
class WatchlistImportApi {

    private final Watchlists watchlists;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;
    private final JsonMapper json;
    private final ScreeningProblems problems;
    private final ListUploads uploads;

    WatchlistImportApi(Watchlists watchlists, Readers readers, ClassificationScheme scheme, MarkingVocabulary vocabulary,
                       JsonMapper json, ScreeningProblems problems, ListUploads uploads) {
        this.watchlists = watchlists;
        this.readers = readers;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
        this.json = json;
        this.problems = problems;
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SCREENING_OFFICER')")
    ResponseEntity<?> upload(@RequestParam("file") List<MultipartFile> files,
                             @RequestParam(name = "name", required = false) String name,
                             @RequestParam(name = "marking", required = false) String marking) throws IOException {
        Reader reader = readers.current();
        Marking m = marking(reader, marking);
        Watchlist list;
        try {
            list = uploads.read(files, name == null || name.isBlank() ? null : name.strip());
        } catch (ListUploads.Unreadable e) {
            ProblemDetail p = problems.problem(HttpStatus.BAD_REQUEST, "invalid-list", e.getMessage());
            p.setType(URI.create(org.fusioncell.shared.ProblemDetails.TYPE_BASE + "invalid-input"));
            p.setProperty("field", "file");
            p.setProperty("location", e.location());
            return problems.answer(HttpStatus.BAD_REQUEST, p);
        }
        String listName = name == null || name.isBlank() ? list.source() : name.strip();
        return switch (watchlists.importVersion(reader, listName, list, m)) {
            case ListImport.Imported i -> ResponseEntity.created(URI.create("/api/v1/screening/lists/"
                    + i.version().listId())).body(body("IMPORTED", i.version()));
            case ListImport.Unchanged u -> ResponseEntity.ok(body("UNCHANGED", u.current()));
            case ListImport.Refused r -> problems.answer(HttpStatus.CONFLICT,
                    problems.problem(HttpStatus.CONFLICT, "list-refused", r.listName()));
        };
    }

    private static Map<String, Object> body(String outcome, org.fusioncell.screening.WatchlistVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("version", version);
        return body;
    }

    private Marking marking(Reader reader, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, MarkingForm.class).toMarking(scheme, vocabulary, reader.organisationId(),
                    reader.userId(), "marking");
        } catch (JacksonException e) {
            throw new InvalidInputException("marking", "not a marking in JSON, e.g. {\"classification\":\"RESTRICTED\","
                    + "\"tlp\":\"AMBER\"}");
        }
    }
}
