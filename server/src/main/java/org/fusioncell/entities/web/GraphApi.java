package org.fusioncell.entities.web;

import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.Graph;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Link analysis under {@code /api/v1/entities/{id}}: neighbourhood, path-to, common-neighbours, timeline.
 * Both entities must be visible to the reader; hidden answers 404 like absent, existence-only a 403 notice.
 */
@RestController
@RequestMapping("/api/v1/entities/{id}")
class GraphApi {

    private final Entities entities;
    private final Graph graph;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    GraphApi(Entities entities, Graph graph, Readers readers, Organisations organisations, ClassificationScheme scheme) {
        this.entities = entities;
        this.graph = graph;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    @GetMapping("/neighbourhood")
    GraphJson.Chart neighbourhood(@PathVariable String id, @RequestParam(required = false) String hops) {
        int n = hops(hops);
        Reader reader = readers.current();
        return GraphJson.of(id, graph.neighbourhood(reader, opened(entities, reader, id), n), scheme);
    }

    @GetMapping("/path-to/{other}")
    ResponseEntity<GraphJson.Chart> pathTo(@PathVariable String id, @PathVariable String other) {
        Reader reader = readers.current();
        Entity from = opened(entities, reader, id);
        Entity to = opened(entities, reader, other);
        return graph.path(reader, from, to).map(c -> ResponseEntity.ok(GraphJson.of(id, c, scheme)))
                .orElseThrow(() -> new NotFoundException("path"));
    }

    @GetMapping("/common-neighbours/{other}")
    GraphJson.Chart commonNeighbours(@PathVariable String id, @PathVariable String other) {
        Reader reader = readers.current();
        Entity a = opened(entities, reader, id);
        Entity b = opened(entities, reader, other);
        return GraphJson.of(id, graph.commonNeighbours(reader, a, b), scheme);
    }

    @GetMapping("/timeline")
    GraphJson.Timeline timeline(@PathVariable String id) {
        Reader reader = readers.current();
        Entity entity = opened(entities, reader, id);
        return GraphJson.of(id, entity.marking(), graph.timeline(reader, entity), scheme);
    }

    /** {@code hops} from 1 to {@link Graph#MAX_HOPS}, 2 when absent. */
    static int hops(String hops) {
        if (hops == null || hops.isBlank()) {
            return 2;
        }
        try {
            int n = Integer.parseInt(hops.strip());
            if (n >= 1 && n <= Graph.MAX_HOPS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like any other out-of-range value
        }
        throw new InvalidInputException("hops", "a whole number from 1 to " + Graph.MAX_HOPS);
    }

    static Entity opened(Entities entities, Reader reader, String id) {
        return switch (entities.open(reader, id)) {
            case EntityAccess.Opened o -> o.entity();
            case EntityAccess.KnownToExist known -> throw new HeldElsewhere(known);
            case EntityAccess.Unknown u -> throw new NotFoundException("entity");
        };
    }

    /** Existence-only: answered as the same 403 hit/no-hit problem as {@code GET /api/v1/entities/{id}}. */
    static final class HeldElsewhere extends RuntimeException {
        final transient EntityAccess.KnownToExist known;

        HeldElsewhere(EntityAccess.KnownToExist known) {
            super(null, null, false, false);
            this.known = known;
        }
    }

    @ExceptionHandler(HeldElsewhere.class)
    ResponseEntity<ProblemDetail> heldElsewhere(HeldElsewhere e) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                "A holder has this entity; its content is not released to you. Ask the holder for release.");
        String holder = e.known.holderOrganisationId();
        p.setProperty("holderOrganisation", organisations.find(holder)
                .map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", holder)));
        p.setProperty("classification", EntityView.level(scheme, e.known.marking().classificationRank()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
    }
}
