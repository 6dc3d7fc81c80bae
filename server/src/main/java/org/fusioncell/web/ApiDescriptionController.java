package org.fusioncell.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the assembled OpenAPI description; public, like any published API contract. */
@RestController
class ApiDescriptionController {

    private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    private final ApiDescription description;

    ApiDescriptionController(ApiDescription description) {
        this.description = description;
    }

    @GetMapping("/api/v1/openapi.yaml")
    ResponseEntity<String> yaml() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CacheControl.noCache()).body(description.yaml());
    }

    @GetMapping("/api/v1/openapi.json")
    ResponseEntity<String> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
                .body(description.json());
    }
}
