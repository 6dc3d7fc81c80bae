package org.fusioncell.exchange.taxii.web;

import java.net.URI;
import java.util.List;
import org.fusioncell.exchange.taxii.TaxiiFeed;
import org.fusioncell.exchange.taxii.TaxiiFeeds;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/taxii-feeds}: administrators pull partners' collections and push to them. */
@RestController
@RequestMapping("/api/v1/admin/taxii-feeds")
class TaxiiFeedsApi {

    record FeedChange(Integer intervalSeconds, Boolean enabled, Boolean resetCursor) {
    }

    private final TaxiiFeeds feeds;
    private final Readers readers;

    TaxiiFeedsApi(TaxiiFeeds feeds, Readers readers) {
        this.feeds = feeds;
        this.readers = readers;
    }

    @GetMapping
    List<TaxiiFeed> list() {
        return feeds.list(readers.current());
    }

    @GetMapping("/{id}")
    TaxiiFeed one(@PathVariable String id) {
        return feeds.find(readers.current(), id).orElseThrow(() -> new NotFoundException("feed"));
    }

    @PostMapping
    ResponseEntity<TaxiiFeed> create(@RequestBody TaxiiFeeds.Draft draft) {
        TaxiiFeed f = feeds.create(readers.current(), draft);
        return ResponseEntity.created(URI.create("/api/v1/admin/taxii-feeds/" + f.id())).body(f);
    }

    @PutMapping("/{id}")
    TaxiiFeed change(@PathVariable String id, @RequestBody FeedChange change) {
        return feeds.update(readers.current(), id, change.intervalSeconds(), change.enabled(),
                Boolean.TRUE.equals(change.resetCursor()));
    }

    /** Runs the feed now and answers what the run did. */
    @PostMapping("/{id}/run")
    TaxiiFeeds.Run run(@PathVariable String id) {
        return feeds.run(readers.current(), id);
    }
}
