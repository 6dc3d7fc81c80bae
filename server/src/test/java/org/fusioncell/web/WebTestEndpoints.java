package org.fusioncell.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusioncell.shared.NotFoundException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in the web shell's tests: an API write that counts what it stores, and
 * a page and an API resource that answer "not found". Deliberately outside {@code /api/v1}, so the
 * OpenAPI completeness test does not expect them in the description.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({WebTestEndpoints.Api.class, WebTestEndpoints.Pages.class})
class WebTestEndpoints {

    static final AtomicInteger WRITES = new AtomicInteger();

    @RestController
    static class Api {

        @PostMapping("/api/test/notes")
        Map<String, Object> store(@RequestBody Map<String, Object> note) {
            WRITES.incrementAndGet();
            return Map.of("stored", note.size());
        }

        @PostMapping("/api/test/deadlocked")
        Map<String, Object> deadlocked() {
            throw new org.springframework.dao.CannotAcquireLockException("Deadlock detected (test)");
        }

        @GetMapping("/api/test/hidden")
        Map<String, Object> hidden() {
            throw new NotFoundException("note");
        }
    }

    @Controller
    static class Pages {

        @GetMapping("/test/hidden")
        String hidden() {
            throw new NotFoundException("note");
        }
    }
}
