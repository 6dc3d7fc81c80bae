package org.fusioncell.exchange.web;

import java.util.Map;
import org.fusioncell.exchange.StixBundles;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/exchange/stix/assessments/{id}}: a product as a STIX report with the evidence the reader may see. */
@RestController
class AssessmentStixApi {

    private final StixBundles bundles;
    private final Readers readers;

    AssessmentStixApi(StixBundles bundles, Readers readers) {
        this.bundles = bundles;
        this.readers = readers;
    }

    @GetMapping("/api/v1/exchange/stix/assessments/{id}")
    ResponseEntity<Map<String, Object>> export(@PathVariable String id) {
        Map<String, Object> bundle = bundles.exportAssessment(readers.current(), id)
                .orElseThrow(() -> new NotFoundException("assessment"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(StixApi.STIX_MEDIA_TYPE)).body(bundle);
    }
}
