package org.fusioncell.entities.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.entities.LinkType;
import org.fusioncell.entities.Proposal;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The entity side of a report: {@code /api/v1/reports/{id}/entities}, {@code …/proposals} (confirm,
 * reject) and {@code /api/v1/links}. A report the reader may not open answers 404, like an absent one.
 */
@RestController
class ReportEntitiesApi {

    static final String JUSTIFICATION = "X-FusionCell-Justification";

    private final ReportEntities reportEntities;
    private final Readers readers;
    private final ClassificationScheme scheme;

    ReportEntitiesApi(ReportEntities reportEntities, Readers readers, ClassificationScheme scheme) {
        this.reportEntities = reportEntities;
        this.readers = readers;
        this.scheme = scheme;
    }

    record ProposalJson(String id, String type, String value, String identifierKey, Map<String, Object> attributes,
                        int offset, String state, String entityId) {
        static ProposalJson of(Proposal p) {
            return new ProposalJson(p.id(), p.type().name(), p.value(), p.identifierKey(), p.attributes(), p.offset(),
                    p.state().name(), p.entityId());
        }
    }

    record MentionJson(String id, EntityView.Full entity) {
    }

    record LinkForm(String from, String to, String type, String reportId, Double confidence, String validFrom,
                    String validTo) {
    }

    @GetMapping("/api/v1/reports/{id}/entities")
    Map<String, List<MentionJson>> mentions(@PathVariable String id, @RequestHeader(name = JUSTIFICATION, required = false) String why) {
        return Map.of("items", reportEntities.mentions(readers.current(), id, why).orElseThrow(() -> new NotFoundException("report"))
                .stream().map(m -> new MentionJson(m.id(), EntityView.of(m.entity(), scheme))).toList());
    }

    @GetMapping("/api/v1/reports/{id}/proposals")
    Map<String, List<ProposalJson>> proposals(@PathVariable String id, @RequestHeader(name = JUSTIFICATION, required = false) String why) {
        return Map.of("items", reportEntities.proposals(readers.current(), id, why)
                .orElseThrow(() -> new NotFoundException("report")).stream().map(ProposalJson::of).toList());
    }

    @PostMapping("/api/v1/reports/{id}/proposals/{pid}/confirm")
    ProposalJson confirm(@PathVariable String id, @PathVariable String pid,
                         @RequestHeader(name = JUSTIFICATION, required = false) String why) {
        return reportEntities.confirm(readers.current(), id, pid, why).map(ProposalJson::of)
                .orElseThrow(() -> new NotFoundException("pending proposal"));
    }

    @PostMapping("/api/v1/reports/{id}/proposals/{pid}/reject")
    ProposalJson reject(@PathVariable String id, @PathVariable String pid,
                        @RequestHeader(name = JUSTIFICATION, required = false) String why) {
        return reportEntities.reject(readers.current(), id, pid, why).map(ProposalJson::of)
                .orElseThrow(() -> new NotFoundException("pending proposal"));
    }

    @PostMapping("/api/v1/links")
    ResponseEntity<EntityView.Link> link(@RequestBody LinkForm form,
                                         @RequestHeader(name = JUSTIFICATION, required = false) String why) {
        String from = id(form.from(), "from");
        String to = id(form.to(), "to");
        String report = id(form.reportId(), "reportId");
        LinkType type = LinkType.parse(form.type()).orElseThrow(() -> new InvalidInputException("type",
                "unknown link type; one of " + List.of(LinkType.values())));
        double confidence = form.confidence() == null ? 1.0 : form.confidence();
        if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
            throw new InvalidInputException("confidence", "a number from 0 to 1");
        }
        LocalDate vf = date(form.validFrom(), "validFrom");
        LocalDate vt = date(form.validTo(), "validTo");
        if (vf != null && vt != null && vt.isBefore(vf)) {
            throw new InvalidInputException("validTo", "before validFrom");
        }
        return reportEntities.link(readers.current(), new ReportEntities.LinkDraft(from, to, type, report, confidence, vf, vt), why)
                .map(l -> ResponseEntity.status(HttpStatus.CREATED).body(EntityView.of(l, scheme)))
                .orElseThrow(() -> new NotFoundException("report or entity"));
    }

    private static String id(String value, String field) {
        if (value == null || !Ids.isWellFormed(value)) {
            throw new InvalidInputException(field, "an entity or report id is required");
        }
        return value;
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date such as 2026-03-01");
        }
    }
}
