package org.fusioncell.screening.web;

import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Readers;
import org.fusioncell.screening.EntryChange;
import org.fusioncell.screening.ListedEntrySummary;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.WatchlistVersion;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/screening/lists}: the lists a reader may see, their versions, the differences between
 * versions and their entries. Reading needs no screening role (a list's marking decides); importing does
 * ({@link WatchlistImportApi}).
 */
@RestController
@RequestMapping("/api/v1/screening/lists")
class WatchlistsApi {

    private final Watchlists watchlists;
    private final Readers readers;
    private final ClassificationScheme scheme;
    private final ScreeningProblems problems;

    WatchlistsApi(Watchlists watchlists, Readers readers, ClassificationScheme scheme, ScreeningProblems problems) {
        this.watchlists = watchlists;
        this.readers = readers;
        this.scheme = scheme;
        this.problems = problems;
    }

    @GetMapping
    Page<ScreeningViews.ListView> list(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return watchlists.lists(readers.current(), PageRequest.of(page, size)).map(s -> ScreeningViews.ListView.of(s, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count() {
        return Map.of("count", watchlists.count(readers.current()));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        var access = watchlists.find(readers.current(), id);
        return access instanceof ScreeningAccess.Granted<?> g
                ? ResponseEntity.ok(ScreeningViews.ListView.of((org.fusioncell.screening.WatchlistSummary) g.value(), scheme))
                : problems.refusal(access, "list");
    }

    @GetMapping("/{id}/versions")
    ResponseEntity<?> versions(@PathVariable String id) {
        ScreeningAccess<List<WatchlistVersion>> access = watchlists.versions(readers.current(), id);
        return access instanceof ScreeningAccess.Granted<List<WatchlistVersion>> g
                ? ResponseEntity.ok(Map.of("listId", id, "items", g.value()))
                : problems.refusal(access, "list");
    }

    @GetMapping("/{id}/versions/{number}/changes")
    ResponseEntity<?> changes(@PathVariable String id, @PathVariable int number,
                              @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        EntryChange.Kind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = EntryChange.Kind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("kind", "one of ADDED, CHANGED, DELISTED");
            }
        }
        ScreeningAccess<Page<EntryChange>> access = watchlists.changes(readers.current(), id, number, k,
                PageRequest.of(page, size));
        return access instanceof ScreeningAccess.Granted<Page<EntryChange>> g
                ? ResponseEntity.ok(Map.of("listId", id, "version", number, "items", g.value().items(),
                        "page", g.value().page(), "size", g.value().size(), "total", g.value().total()))
                : problems.refusal(access, "list version");
    }

    @GetMapping("/{id}/entries")
    ResponseEntity<?> entries(@PathVariable String id, @RequestParam(required = false) String q,
                              @RequestParam(required = false, defaultValue = "false") boolean delisted,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ScreeningAccess<Page<ListedEntrySummary>> access = watchlists.entries(readers.current(), id, q, delisted,
                PageRequest.of(page, size));
        return access instanceof ScreeningAccess.Granted<Page<ListedEntrySummary>> g
                ? ResponseEntity.ok(Map.of("listId", id, "items", g.value().items(), "page", g.value().page(),
                        "size", g.value().size(), "total", g.value().total()))
                : problems.refusal(access, "list");
    }

    @GetMapping("/{id}/entries/{reference}")
    ResponseEntity<?> entry(@PathVariable String id, @PathVariable String reference) {
        var access = watchlists.entry(readers.current(), id, reference);
        return access instanceof ScreeningAccess.Granted<?> g
                ? ResponseEntity.ok(ScreeningViews.ListedEntryView.of((org.fusioncell.screening.ListedEntry) g.value()))
                : problems.refusal(access, "list entry");
    }
}
