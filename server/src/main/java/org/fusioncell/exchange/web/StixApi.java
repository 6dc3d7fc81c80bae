package org.fusioncell.exchange.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import org.fusioncell.exchange.StixBundles;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/exchange/stix/bundle}: what the reader may see as a STIX 2.1 bundle ({@code since},
 * {@code report} filters); {@code POST}: imports a bundle (the body limit {@code fusioncell.api.max-body-bytes}
 * and the object limit {@code fusioncell.exchange.stix.max-objects} answer 413; bad input 400 naming
 * {@code objects[i].property}; nothing is partially imported).
 */
@RestController
@RequestMapping("/api/v1/exchange/stix/bundle")
class StixApi {

    static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

    private final StixBundles bundles;
    private final Readers readers;

    StixApi(StixBundles bundles, Readers readers) {
        this.bundles = bundles;
        this.readers = readers;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> export(@RequestParam(name = "since", required = false) String since,
                                               @RequestParam(name = "report", required = false) List<String> report) {
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("since", "a UTC timestamp such as 2026-01-31T00:00:00Z");
            }
        }
        Set<String> reports = new LinkedHashSet<>();
        List<String> given = report == null ? List.of() : report;
        if (given.size() > 500) {
            throw new InvalidInputException("report", "at most 500 report ids");
        }
        for (int i = 0; i < given.size(); i++) {
            if (!Ids.isWellFormed(given.get(i))) {
                throw new InvalidInputException("report[" + i + "]", "a report id");
            }
            reports.add(given.get(i));
        }
        Map<String, Object> bundle = bundles.export(readers.current(), new StixBundles.Filter(from, reports));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(STIX_MEDIA_TYPE)).body(bundle);
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/stix+json"})
    ResponseEntity<Map<String, Object>> importBundle(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        StixBundles.Imported done = bundles.importBundle(readers.current(), body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("importId", done.importId());
        answer.put("reports", done.reports());
        answer.put("entities", done.entities());
        answer.put("links", done.links());
        answer.put("mentions", done.mentions());
        answer.put("kept", done.kept());
        answer.put("alreadyHeld", done.alreadyHeld());
        return ResponseEntity.ok(answer);
    }

    @ExceptionHandler(StixBundles.BundleTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(StixBundles.BundleTooLargeException e) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.CONTENT_TOO_LARGE, "bundle-too-large", "STIX bundle too large",
                "objects: more than " + e.limit() + " objects in the bundle; nothing was imported.");
        p.setProperty("field", "objects");
        p.setProperty("limitObjects", e.limit());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
