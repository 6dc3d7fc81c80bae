package org.fusioncell.entities.web;

import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Correlations;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.EntityType;
import org.fusioncell.entities.LinkType;
import org.fusioncell.entities.Merge;
import org.fusioncell.entities.Resolution;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The entity pages: the list the reader may see, and one entity with its mentions, links and correlations. */
@Controller
@RequestMapping("/entities")
class EntityPages {

    static final int PAGE_SIZE = 25;

    private final Entities entities;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final Resolution resolution;

    EntityPages(Entities entities, Readers readers, Organisations organisations, ClassificationScheme scheme,
                Resolution resolution) {
        this.entities = entities;
        this.resolution = resolution;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    /** A row of the list or of the correlations: the entity and its banner line. */
    record Row(Entity entity, String banner) {
    }

    /** A hit/no-hit notice as shown: holder's name (or id), level name, date; never content. */
    record NoticeRow(String holder, String level, java.time.Instant recordedAt) {
    }

    /** A merge as the history shows it: the entities by label, who merged (organisation), and whether it may be split here. */
    record MergeRow(Merge merge, Row survivor, List<Row> merged, String by, boolean splittable) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String type, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        // an unknown type in the address bar is ignored rather than answered with an error page
        EntityType t = type == null || type.isBlank() ? null : EntityType.parse(type).orElse(null);
        String text = q == null || q.isBlank() ? null : q.strip();
        var result = entities.list(readers.current(), t, text, PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("types", EntityType.values());
        model.addAttribute("type", t == null ? null : t.name());
        model.addAttribute("q", text);
        model.addAttribute("page", result.map(e -> new Row(e, MarkingView.of(e.marking(), scheme).banner())));
        return "entities/entities";
    }

    @GetMapping("/{id}")
    String open(@PathVariable String id, @RequestParam(required = false) String merged,
                @RequestParam(required = false) String split, @RequestParam(required = false) String refused,
                Model model) {
        Reader reader = readers.current();
        switch (entities.open(reader, id)) {
            case EntityAccess.Opened opened -> {
                Entity entity = opened.entity();
                Correlations correlations = entities.correlations(reader, entity);
                model.addAttribute("entity", entity);
                model.addAttribute("marking", MarkingView.of(entity.marking(), scheme));
                model.addAttribute("attributes", attributes(entity.attributes()));
                model.addAttribute("mentions", entities.mentions(reader, entity));
                model.addAttribute("links", entities.links(reader, entity));
                model.addAttribute("linkTypes", LinkType.values());
                model.addAttribute("correlated", correlations.visible().stream()
                        .map(e -> new Row(e, MarkingView.of(e.marking(), scheme).banner())).toList());
                model.addAttribute("notices", correlations.notices().stream().map(n -> new NoticeRow(
                        holderName(n.holderOrganisationId()), EntityView.level(scheme, n.classificationRank()),
                        n.recordedAt())).toList());
                resolution(reader, entity, model);
                model.addAttribute("mergeDone", merged != null);
                model.addAttribute("splitDone", split != null);
                // only known codes are shown: the address is not a channel for arbitrary text
                model.addAttribute("refusal", refused != null && REFUSALS.contains(refused) ? refused : null);
                return "entities/entity";
            }
            case EntityAccess.KnownToExist known -> {
                model.addAttribute("holder", holderName(known.holderOrganisationId()));
                model.addAttribute("level", EntityView.level(scheme, known.marking().classificationRank()));
                model.addAttribute("itemId", id);
                return "entities/entity-held";
            }
            case EntityAccess.Unknown unknown -> throw new NotFoundException("entity");
        }
    }

    private static final java.util.Set<String> REFUSALS = java.util.Set.of("SAME_ENTITY", "DIFFERENT_TYPE",
            "DIFFERENT_MARKING", "ALREADY_MERGED", "ALREADY_SPLIT", "SURVIVOR_MERGED_AWAY", "NO_SELECTION", "NO_REASON",
            "TOO_MANY");

    /** Where a merged-away entity went, and the merges touching this one. */
    private void resolution(Reader reader, Entity entity, Model model) {
        model.addAttribute("mergedInto", resolution.mergedInto(reader, entity.id())
                .map(target -> entities.open(reader, target) instanceof EntityAccess.Opened o ? o.entity() : null)
                .orElse(null));
        Map<String, Row> seen = new java.util.HashMap<>();
        java.util.function.Function<String, Row> row = id -> seen.computeIfAbsent(id, k ->
                entities.open(reader, k) instanceof EntityAccess.Opened o
                        ? new Row(o.entity(), MarkingView.of(o.entity().marking(), scheme).banner()) : null);
        model.addAttribute("merges", resolution.history(reader, entity).stream().map(m -> new MergeRow(m,
                row.apply(m.survivorId()), m.mergedIds().stream().map(row).filter(java.util.Objects::nonNull).toList(),
                holderName(m.mergedByOrganisation()), !m.split() && m.survivorId().equals(entity.id())))
                .toList());
    }

    /** Lists of names, aliases and documents shown by their values, joined; everything else as its text. */
    private static Map<String, String> attributes(Map<String, Object> raw) {
        Map<String, String> out = new java.util.TreeMap<>();
        raw.forEach((k, v) -> out.put(k, v instanceof List<?> l
                ? String.join(", ", l.stream().map(EntityPages::shown).toList()) : String.valueOf(v)));
        return out;
    }

    private static String shown(Object item) {
        if (item instanceof Map<?, ?> m) {
            if (m.get("value") != null) {
                return String.valueOf(m.get("value"));
            }
            if (m.get("number") != null) {
                return m.get("documentType") + " " + m.get("number") + (m.get("country") == null ? "" : " (" + m.get("country") + ")");
            }
        }
        return String.valueOf(item);
    }

    private String holderName(String organisationId) {
        return organisationId == null ? null
                : organisations.find(organisationId).map(OrganisationSummary::name).orElse(organisationId);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "entities/not-found";
    }
}
