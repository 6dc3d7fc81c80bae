package org.fusioncell.entities.web;

import java.util.List;
import java.util.Locale;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityAccess;
import org.fusioncell.entities.MergeOutcome;
import org.fusioncell.entities.MergeSuggestion;
import org.fusioncell.entities.Resolution;
import org.fusioncell.entities.SplitOutcome;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Resolution on the entity page: the "possible duplicates" fragment (loaded by htmx), the merge form it
 * holds and the split buttons of the merge history. After a merge or split, or its refusal, the analyst
 * is sent back to the entity page, which says what happened.
 */
@Controller
@RequestMapping("/entities/{id}")
class ResolutionPages {

    private final Entities entities;
    private final Resolution resolution;
    private final Readers readers;
    private final ClassificationScheme scheme;

    ResolutionPages(Entities entities, Resolution resolution, Readers readers, ClassificationScheme scheme) {
        this.entities = entities;
        this.resolution = resolution;
        this.readers = readers;
        this.scheme = scheme;
    }

    /** A suggestion as shown: its marking banner, its score as a percentage and each reason's effect signed. */
    record SuggestionRow(MergeSuggestion suggestion, String banner, String score, List<ReasonRow> reasons) {
    }

    record ReasonRow(String kind, String detail, String effect) {
    }

    /** The fragment; an entity the reader may not open gets the same empty answer as a missing one. */
    @GetMapping("/duplicates")
    String duplicates(@PathVariable String id, Model model) {
        Reader reader = readers.current();
        List<SuggestionRow> rows = entities.open(reader, id) instanceof EntityAccess.Opened opened
                ? resolution.suggestions(reader, opened.entity()).stream().map(this::row).toList() : List.of();
        model.addAttribute("entityId", id);
        model.addAttribute("suggestions", rows);
        return "entities/duplicates :: list";
    }

    @PostMapping("/merges")
    String merge(@PathVariable String id, @RequestParam(required = false) List<String> otherIds,
                 @RequestParam(required = false) String reason) {
        if (otherIds == null || otherIds.isEmpty()) {
            return back(id, "refused", "NO_SELECTION");
        }
        try {
            return switch (resolution.merge(readers.current(), id, otherIds, reason)) {
                case MergeOutcome.Merged m -> back(id, "merged", m.merge().id());
                case MergeOutcome.Refused r -> back(id, "refused", r.refusal().name());
                case MergeOutcome.Unknown u -> throw new NotFoundException("entity");
            };
        } catch (InvalidInputException e) {
            return back(id, "refused", invalid(e));
        }
    }

    @PostMapping("/splits")
    String split(@PathVariable String id, @RequestParam(required = false) String mergeId,
                 @RequestParam(required = false) String reason) {
        try {
            return switch (resolution.split(readers.current(), id, mergeId, reason)) {
                case SplitOutcome.Split s -> back(id, "split", s.merge().id());
                case SplitOutcome.Refused r -> back(id, "refused", r.refusal().name());
                case SplitOutcome.Unknown u -> throw new NotFoundException("merge");
            };
        } catch (InvalidInputException e) {
            return back(id, "refused", invalid(e));
        }
    }

    private SuggestionRow row(MergeSuggestion s) {
        return new SuggestionRow(s, MarkingView.of(s.candidate().marking(), scheme).banner(),
                s.score() == null ? null : Math.round(s.score() * 100) + " %",
                s.reasons().stream().map(r -> new ReasonRow(r.kind().name(), r.detail(),
                        switch (r.kind()) {
                            case SHARED_IDENTIFIER -> null;
                            case NAME -> Math.round(r.effect() * 100) + " %";
                            default -> String.format(Locale.ROOT, "%+.2f", r.effect());
                        })).toList());
    }

    private static String invalid(InvalidInputException e) {
        return e.field().equals("reason") ? "NO_REASON" : "TOO_MANY";
    }

    /** The outcome travels as a code in the address (never text the analyst typed). */
    private static String back(String id, String key, String value) {
        if (!org.fusioncell.shared.Ids.isWellFormed(id)) {
            throw new NotFoundException("entity");
        }
        return "redirect:/entities/" + id + "?" + key + "=" + value;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "entities/not-found";
    }
}
