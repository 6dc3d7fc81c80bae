package org.fusioncell.entities.web;

import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.Graph;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The graph page of an entity ({@code /entities/{id}/graph}) and the chart it loads with the session
 * ({@code /entities/{id}/graph.json}: the {@code /api} takes tokens only). Same rules as the API.
 */
@Controller
class GraphPages {

    private final Entities entities;
    private final Graph graph;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    GraphPages(Entities entities, Graph graph, Readers readers, Organisations organisations, ClassificationScheme scheme) {
        this.entities = entities;
        this.graph = graph;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    /** A timeline line as shown: the moment and its own banner. */
    record MomentRow(Graph.Moment moment, String banner) {
    }

    @GetMapping("/entities/{id}/graph")
    String page(@PathVariable String id, @RequestParam(required = false) String hops, Model model) {
        Reader reader = readers.current();
        switch (entities.open(reader, id)) {
            case EntityAccess.Opened opened -> {
                Entity entity = opened.entity();
                List<Graph.Moment> moments = graph.timeline(reader, entity);
                model.addAttribute("entity", entity);
                model.addAttribute("marking", MarkingView.of(entity.marking(), scheme));
                model.addAttribute("hops", hopsOrDefault(hops));
                model.addAttribute("maxHops", Graph.MAX_HOPS);
                model.addAttribute("timeline", moments.stream()
                        .map(m -> new MomentRow(m, MarkingView.of(m.marking(), scheme).banner())).toList());
                model.addAttribute("timelineBanner", GraphJson.of(id, entity.marking(), moments, scheme).banner());
                return "graph/graph";
            }
            case EntityAccess.KnownToExist known -> {
                model.addAttribute("holder", organisations.find(known.holderOrganisationId())
                        .map(OrganisationSummary::name).orElse(known.holderOrganisationId()));
                model.addAttribute("level", EntityView.level(scheme, known.marking().classificationRank()));
                return "entities/entity-held";
            }
            case EntityAccess.Unknown unknown -> throw new NotFoundException("entity");
        }
    }

    @GetMapping("/entities/{id}/graph.json")
    @ResponseBody
    ResponseEntity<?> chart(@PathVariable String id, @RequestParam(required = false) String hops) {
        int n = hopsOrDefault(hops);
        Reader reader = readers.current();
        return switch (entities.open(reader, id)) {
            case EntityAccess.Opened o -> ResponseEntity.ok(GraphJson.of(id, graph.neighbourhood(reader, o.entity(), n), scheme));
            case EntityAccess.KnownToExist k -> ResponseEntity.status(HttpStatus.FORBIDDEN).build();
            case EntityAccess.Unknown u -> ResponseEntity.notFound().build();
        };
    }

    /** An address-bar value out of range falls back to the default rather than an error page. */
    private static int hopsOrDefault(String hops) {
        try {
            return GraphApi.hops(hops);
        } catch (InvalidInputException e) {
            return 2;
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "entities/not-found";
    }
}
