package org.fusioncell.exchange.partners.web;

import java.net.URI;
import java.util.List;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.partners.PartnerDraft;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner cells: administrators register and change them under {@code /api/v1/admin/partner-cells}; any
 * user of the organisation lists them and reads the exchange log under {@code /api/v1/exchange}.
 */
@RestController
class PartnerCellsApi {

    private final PartnerCells partners;
    private final ExchangeLog log;
    private final Readers readers;

    PartnerCellsApi(PartnerCells partners, ExchangeLog log, Readers readers) {
        this.partners = partners;
        this.log = log;
        this.readers = readers;
    }

    @GetMapping({"/api/v1/admin/partner-cells", "/api/v1/exchange/partner-cells"})
    List<PartnerCell> list() {
        return partners.list(readers.current());
    }

    @GetMapping({"/api/v1/admin/partner-cells/{id}", "/api/v1/exchange/partner-cells/{id}"})
    PartnerCell one(@PathVariable String id) {
        return partners.find(readers.current(), id).orElseThrow(() -> new NotFoundException("partner cell"));
    }

    @PostMapping("/api/v1/admin/partner-cells")
    ResponseEntity<PartnerCell> create(@RequestBody PartnerDraft draft) {
        PartnerCell created = partners.create(readers.current(), draft);
        return ResponseEntity.created(URI.create("/api/v1/admin/partner-cells/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/admin/partner-cells/{id}")
    PartnerCell update(@PathVariable String id, @RequestBody PartnerDraft draft) {
        return partners.update(readers.current(), id, draft);
    }

    @GetMapping("/api/v1/exchange/log")
    Page<ExchangeLog.Transfer> log(@RequestParam(required = false) String partner,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return log.page(readers.current(), partner, PageRequest.of(page, size));
    }
}
