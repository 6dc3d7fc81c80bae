package org.fusioncell.entities.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.Recorded;
import org.fusioncell.entities.internal.EntityAttributes;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/entities}: record, list, count and open entities; their links and correlations. */
@RestController
@RequestMapping("/api/v1/entities")
class EntitiesApi {

    private final Entities entities;
    private final Readers readers;
    private final Organisations organisations;
    private final MarkingVocabulary vocabulary;
    private final ClassificationScheme scheme;
    private final EntityAttributes checks;
    private final org.fusioncell.entities.Resolution resolution;

    EntitiesApi(Entities entities, Readers readers, Organisations organisations, MarkingVocabulary vocabulary,
                ClassificationScheme scheme, @Value("${fusioncell.entities.default-region:MR}") String region,
                org.fusioncell.entities.Resolution resolution) {
        this.entities = entities;
        this.resolution = resolution;
        this.readers = readers;
        this.organisations = organisations;
        this.vocabulary = vocabulary;
        this.scheme = scheme;
        this.checks = new EntityAttributes(region);
    }

    @PostMapping
    ResponseEntity<EntityView.Full> record(@RequestBody EntityForm form) {
        Reader author = readers.current();
        Recorded r = entities.record(author, form.toDraft(checks, scheme, vocabulary, author));
        EntityView.Full body = EntityView.of(r.entity(), scheme);
        return r.reused() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/entities/" + r.entity().id())).body(body);
    }

    @GetMapping
    Page<EntityView.Full> list(@RequestParam(required = false) String type, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return entities.list(readers.current(), type(type), q, PageRequest.of(page, size)).map(e -> EntityView.of(e, scheme));
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String type, @RequestParam(required = false) String q) {
        return Map.of("count", entities.count(readers.current(), type(type), q));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> open(@PathVariable String id) {
        Reader reader = readers.current();
        Entity entity = opened(reader, id);
        // a merged-away entity is answered as it was, pointing to the entity that stands for it now
        return ResponseEntity.ok(EntityView.of(entity, scheme, resolution.mergedInto(reader, entity.id()).orElse(null)));
    }

    @GetMapping("/{id}/links")
    Map<String, Object> links(@PathVariable String id) {
        Reader reader = readers.current();
        Entity entity = opened(reader, id);
        return Map.of("entityId", entity.id(), "items", entities.links(reader, entity).stream().map(l -> EntityView.of(l, scheme)).toList());
    }

    @GetMapping("/{id}/correlations")
    EntityView.CorrelationsJson correlations(@PathVariable String id) {
        Reader reader = readers.current();
        Entity entity = opened(reader, id);
        return EntityView.of(entity.id(), entities.correlations(reader, entity), scheme,
                org -> organisations.find(org).map(OrganisationSummary::name).orElse(null));
    }

    private Entity opened(Reader reader, String id) {
        return switch (entities.open(reader, id)) {
            case EntityAccess.Opened o -> o.entity();
            case EntityAccess.KnownToExist known -> throw new HeldElsewhere(known);
            case EntityAccess.Unknown u -> throw new NotFoundException("entity");
        };
    }

    /** Existence-only: answered as a 403 hit/no-hit problem by the handler below. */
    static final class HeldElsewhere extends RuntimeException {
        final transient EntityAccess.KnownToExist known;

        HeldElsewhere(EntityAccess.KnownToExist known) {
            super(null, null, false, false);
            this.known = known;
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(HeldElsewhere.class)
    ResponseEntity<ProblemDetail> heldElsewhere(HeldElsewhere e) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                "A holder has this entity; its content is not released to you. Ask the holder for release.");
        String holder = e.known.holderOrganisationId();
        p.setProperty("holderOrganisation", organisations.find(holder)
                .map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", holder)));
        p.setProperty("classification", EntityView.level(scheme, e.known.marking().classificationRank()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
    }

    private static EntityType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return EntityType.parse(type).orElseThrow(() -> new InvalidInputException("type",
                "unknown entity type; one of " + List.of(EntityType.values())));
    }
}
