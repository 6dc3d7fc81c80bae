package org.fusioncell.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.monitoring.Watch;
import org.fusioncell.monitoring.Watches;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /watches}: the reader's watches and the editor. A refused watch comes back with what was
 * typed and the field at fault; nothing is saved.
 */
@Controller
@RequestMapping("/watches")
class WatchPages {

    static final int PAGE_SIZE = 25;

    private final Watches watches;
    private final Readers readers;
    private final Organisations organisations;
    private final Taxonomies taxonomies;
    private final JsonMapper json;

    WatchPages(Watches watches, Readers readers, Organisations organisations, Taxonomies taxonomies, JsonMapper json) {
        this.watches = watches;
        this.readers = readers;
        this.organisations = organisations;
        this.taxonomies = taxonomies;
        this.json = json;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("tags", taxonomies.tags());
        model.addAttribute("identifierTypes", WatchPageForm.IDENTIFIER_ATTRIBUTE.keySet().stream().sorted().toList());
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("form", new WatchPageForm());
        return page(page, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") WatchPageForm form, Model model, HttpServletResponse response) {
        Reader reader = readers.current();
        try {
            Watch w = watches.create(reader, form.toDraft(json));
            return "redirect:/watches/" + w.id() + "?created";
        } catch (InvalidInputException e) {
            refused(e, model, response);
            return page(null, model);
        }
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        Watch w = watches.open(readers.current(), id).orElseThrow(() -> new NotFoundException("watch"));
        model.addAttribute("watch", w);
        model.addAttribute("form", WatchPageForm.of(w, json));
        return "monitoring/watch";
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute("form") WatchPageForm form, Model model,
                  HttpServletResponse response) {
        Reader reader = readers.current();
        Watch current = watches.open(reader, id).orElseThrow(() -> new NotFoundException("watch"));
        model.addAttribute("watch", current);
        try {
            return watches.update(reader, id, form.getVersion(), form.toDraft(json))
                    .map(w -> "redirect:/watches/" + w.id() + "?saved")
                    .orElseGet(() -> {
                        response.setStatus(HttpStatus.CONFLICT.value());
                        model.addAttribute("stale", true);
                        return "monitoring/watch";
                    });
        } catch (InvalidInputException e) {
            refused(e, model, response);
            return "monitoring/watch";
        }
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable String id) {
        if (!watches.remove(readers.current(), id)) {
            throw new NotFoundException("watch");
        }
        return "redirect:/watches?removed";
    }

    private String page(Integer page, Model model) {
        model.addAttribute("watches", watches.list(readers.current(), PageRequest.of(page, PAGE_SIZE)));
        return "monitoring/watches";
    }

    private static void refused(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
    }
}
