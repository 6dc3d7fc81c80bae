package org.fusioncell.entities.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.Merge;
import org.fusioncell.entities.MergeOutcome;
import org.fusioncell.entities.MergeSuggestion;
import org.fusioncell.entities.Refusal;
import org.fusioncell.entities.Resolution;
import org.fusioncell.entities.SplitOutcome;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entity resolution: {@code /api/v1/entities/{id}/merge-suggestions}, {@code …/merges} (history, and a
 * merge into this entity) and {@code …/splits}. An entity the caller may not see answers 404 as an
 * absent one (a GET on an existence-only one: the hit/no-hit 403 of the entity itself); a refused merge
 * or split answers 409 naming the refusal.
 */
@RestController
@RequestMapping("/api/v1/entities/{id}")
class ResolutionApi {

    private final Entities entities;
    private final Resolution resolution;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    ResolutionApi(Entities entities, Resolution resolution, Readers readers, Organisations organisations,
                  ClassificationScheme scheme) {
        this.entities = entities;
        this.resolution = resolution;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    record SuggestionJson(EntityView.Full entity, Double score, boolean mergeable, List<ReasonJson> reasons) {
    }

    record ReasonJson(String kind, String detail, double effect) {
    }

    record SuggestionsJson(String entityId, List<SuggestionJson> items) {
    }

    record MergeJson(String id, String survivorId, List<String> mergedIds, String state, String reason,
                     String mergedBy, String mergedByOrganisation, Instant mergedAt, String splitBy, Instant splitAt,
                     String splitReason) {
        static MergeJson of(Merge m) {
            return new MergeJson(m.id(), m.survivorId(), m.mergedIds(), m.split() ? "SPLIT" : "ACTIVE", m.reason(),
                    m.mergedBy(), m.mergedByOrganisation(), m.mergedAt(), m.splitBy(), m.splitAt(), m.splitReason());
        }
    }

    record MergesJson(String entityId, List<MergeJson> items) {
    }

    record MergeForm(List<String> otherIds, String reason) {
    }

    record SplitForm(String mergeId, String reason) {
    }

    @GetMapping("/merge-suggestions")
    SuggestionsJson suggestions(@PathVariable String id) {
        Reader reader = readers.current();
        Entity entity = GraphApi.opened(entities, reader, id);
        return new SuggestionsJson(entity.id(), resolution.suggestions(reader, entity).stream().map(this::json).toList());
    }

    @GetMapping("/merges")
    MergesJson history(@PathVariable String id) {
        Reader reader = readers.current();
        Entity entity = GraphApi.opened(entities, reader, id);
        return new MergesJson(entity.id(), resolution.history(reader, entity).stream().map(MergeJson::of).toList());
    }

    @PostMapping("/merges")
    ResponseEntity<?> merge(@PathVariable String id, @RequestBody MergeForm form) {
        return switch (resolution.merge(readers.current(), id, form.otherIds(), form.reason())) {
            case MergeOutcome.Merged m -> ResponseEntity.created(URI.create("/api/v1/entities/" + id + "/merges"))
                    .body(MergeJson.of(m.merge()));
            case MergeOutcome.Refused r -> refused("merge-refused", "Merge refused", r.refusal());
            case MergeOutcome.Unknown u -> throw new NotFoundException("entity");
        };
    }

    @PostMapping("/splits")
    ResponseEntity<?> split(@PathVariable String id, @RequestBody SplitForm form) {
        return switch (resolution.split(readers.current(), id, form.mergeId(), form.reason())) {
            case SplitOutcome.Split s -> ResponseEntity.ok(MergeJson.of(s.merge()));
            case SplitOutcome.Refused r -> refused("split-refused", "Split refused", r.refusal());
            case SplitOutcome.Unknown u -> throw new NotFoundException("merge");
        };
    }

    private SuggestionJson json(MergeSuggestion s) {
        return new SuggestionJson(EntityView.of(s.candidate(), scheme), s.score(), s.mergeable(), s.reasons().stream()
                .map(r -> new ReasonJson(r.kind().name(), r.detail(), r.effect())).toList());
    }

    private static ResponseEntity<ProblemDetail> refused(String type, String title, Refusal refusal) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.CONFLICT, type, title, explain(refusal));
        p.setProperty("refusal", refusal.name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    static String explain(Refusal refusal) {
        return switch (refusal) {
            case SAME_ENTITY -> "An entity cannot be merged into itself.";
            case DIFFERENT_TYPE -> "Only entities of the same type can be merged.";
            case DIFFERENT_MARKING -> "The entities are held under different markings; merging them would change who "
                    + "may see what. Have the holder re-mark one of them first, or link them instead.";
            case ALREADY_MERGED -> "One of the entities has already been merged into another entity.";
            case ALREADY_SPLIT -> "This merge has already been split.";
            case SURVIVOR_MERGED_AWAY -> "The entity has since been merged into another one: split that later merge first.";
        };
    }

    @ExceptionHandler(GraphApi.HeldElsewhere.class)
    ResponseEntity<ProblemDetail> heldElsewhere(GraphApi.HeldElsewhere e) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                "A holder has this entity; its content is not released to you. Ask the holder for release.");
        String holder = e.known.holderOrganisationId();
        p.setProperty("holderOrganisation", organisations.find(holder)
                .map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", holder)));
        p.setProperty("classification", EntityView.level(scheme, e.known.marking().classificationRank()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
    }
}
