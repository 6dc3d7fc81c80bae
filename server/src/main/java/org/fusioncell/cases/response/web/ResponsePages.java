package org.fusioncell.cases.response.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.response.FigureCategory;
import org.fusioncell.cases.response.ResponseBoard;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.cases.response.ResponseTemplates;
import org.fusioncell.cases.response.Responses;
import org.fusioncell.cases.response.Sitrep;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The response pages (docs/response.md): {@code /response/new} opens a response case from a template in one
 * form; {@code /cases/{id}/response} is its board (roles, checklist progress, sitrep schedule and form, figures,
 * press lines, closure with the after-action review); {@code /cases/{id}/response/sitreps/{n}} a situation
 * report as a page, in its own language and direction. A refused step re-shows the page naming the field.
 */
@Controller
class ResponsePages {

    static final int AGENCY_ROWS = 6;
    static final int ACTION_ROWS = 3;

    private final Responses responses;
    private final ResponseTemplates templates;
    private final Cases cases;
    private final Readers readers;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final ClassificationScheme scheme;
    private final MessageSource messages;

    ResponsePages(Responses responses, ResponseTemplates templates, Cases cases, Readers readers,
                  Organisations organisations, Colleagues colleagues, ClassificationScheme scheme,
                  MessageSource messages) {
        this.messages = messages;
        this.responses = responses;
        this.templates = templates;
        this.cases = cases;
        this.readers = readers;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.scheme = scheme;
    }

    // ---------------------------------------------------------------------------------------------- opening

    @GetMapping("/response/new")
    String form(@RequestParam(required = false) String template, Model model) {
        ResponsePageForm form = new ResponsePageForm();
        form.setLanguage(LocaleContextHolder.getLocale().getLanguage());
        ResponseTemplate t = templates.find(template).orElse(templates.all().getFirst());
        form.setTemplateCode(t.code());
        form.setAttackType(t.attackType());
        return formPage(form, model);
    }

    private String formPage(ResponsePageForm form, Model model) {
        ResponseTemplate t = templates.find(form.getTemplateCode()).orElse(templates.all().getFirst());
        Reader reader = readers.current();
        List<OrganisationSummary> all = organisations.all();
        Map<String, String> people = new LinkedHashMap<>();
        for (OrganisationSummary o : all) {
            List<String> members = colleagues.members(o.id(), null);
            Map<String, String> names = colleagues.displayNames(reader.organisationId(), members);
            members.forEach(u -> people.put(u, o.name() + " · " + names.getOrDefault(u, u)));
        }
        model.addAttribute("form", form);
        model.addAttribute("template", t);
        model.addAttribute("templates", templates.all());
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("agencyRows", AGENCY_ROWS);
        model.addAttribute("people", people);
        model.addAttribute("organisations", all);
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Arrays.stream(Tlp.values()).filter(x -> x != Tlp.RED).toList());
        model.addAttribute("organisationTypes", OrganisationType.values());
        return "response/new";
    }

    @PostMapping("/response/new")
    String open(@ModelAttribute("form") ResponsePageForm form, Model model) {
        try {
            return switch (responses.open(readers.current(), form.toOpening())) {
                case CaseStep.Done<ResponseBoard> d ->
                        "redirect:/cases/" + d.value().file().id() + "/response?done=opened";
                case CaseStep.Refused<ResponseBoard> r -> {
                    model.addAttribute("errorField", r.code());
                    model.addAttribute("errorProblem", r.detail());
                    yield formPage(form, model);
                }
                default -> throw new NotFoundException("case");
            };
        } catch (InvalidInputException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            model.addAttribute("errorInput", ResponsePageForm.inputFor(e.field()));
            return formPage(form, model);
        }
    }

    // ---------------------------------------------------------------------------------------------- board

    @GetMapping("/cases/{id}/response")
    String board(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        Reader reader = readers.current();
        switch (responses.board(reader, id, Instant.now())) {
            case CaseStep.Done<ResponseBoard> d -> {
                ResponseBoard b = d.value();
                Set<String> users = new HashSet<>();
                b.roles().forEach(r -> users.add(r.userId()));
                b.pressLines().forEach(l -> users.add(l.draftedByUserId()));
                users.remove(null);
                Map<String, String> orgNames = new LinkedHashMap<>();
                b.file().participants().forEach(p -> orgNames.put(p.organisationId(), organisations
                        .find(p.organisationId()).map(OrganisationSummary::name).orElse(p.organisationId())));
                Map<String, String> people = new LinkedHashMap<>();
                b.file().participants().forEach(p -> {
                    List<String> members = colleagues.members(p.organisationId(), null);
                    Map<String, String> names = colleagues.displayNames(reader.organisationId(), members);
                    members.forEach(u -> people.put(u, orgNames.get(p.organisationId()) + " · "
                            + names.getOrDefault(u, u)));
                });
                model.addAttribute("b", b);
                model.addAttribute("kase", b.file());
                model.addAttribute("t", b.template());
                model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
                model.addAttribute("marking", MarkingView.of(b.file().marking(), scheme));
                model.addAttribute("orgNames", orgNames);
                model.addAttribute("people", people);
                model.addAttribute("names", colleagues.displayNames(reader.organisationId(), users));
                model.addAttribute("me", reader.userId());
                model.addAttribute("leadMember", b.file().ledBy(reader.organisationId()));
                model.addAttribute("categories", FigureCategory.values());
                model.addAttribute("actionRows", ACTION_ROWS);
                model.addAttribute("history", responses.figures(reader, id).orElse(List.of()));
                model.addAttribute("done", done);
                return "response/board";
            }
            default -> {
                return unknown(reader, id, model);
            }
        }
    }

    @PostMapping("/cases/{id}/response/roles")
    String assignRole(@PathVariable String id, @RequestParam(required = false) String roleCode,
                      @RequestParam(required = false) String userId, Model model) {
        return step(id, reader -> responses.assignRole(reader, id, roleCode, userId), "role", model);
    }

    @PostMapping("/cases/{id}/response/sitreps")
    String writeSitrep(@PathVariable String id, @RequestParam(required = false) String language,
                       @RequestParam(required = false) String situation,
                       @RequestParam(required = false) String actionsTaken,
                       @RequestParam(required = false) String needs, @RequestParam(required = false) String nextDueAt,
                       @RequestParam Map<String, String> all, Model model) {
        Reader reader = readers.current();
        List<Responses.FigureDraft> figures = new ArrayList<>();
        for (FigureCategory c : FigureCategory.values()) {
            String value = all.get("figure-" + c.name());
            if (value != null && !value.isBlank()) {
                Integer v;
                try {
                    v = Integer.valueOf(value.strip());
                } catch (NumberFormatException e) {
                    return invalid(id, new InvalidInputException("figures[" + figures.size() + "].value",
                            "a whole number"), model);
                }
                figures.add(new Responses.FigureDraft(c.name(), v, all.get("source-" + c.name()),
                        all.get("asOf-" + c.name())));
            }
        }
        try {
            CaseStep<Sitrep> step = responses.writeSitrep(reader, id, new Responses.SitrepDraft(language, situation,
                    actionsTaken, needs, figures, nextDueAt));
            if (step instanceof CaseStep.Done<Sitrep> d) {
                return "redirect:/cases/" + id + "/response/sitreps/" + d.value().number();
            }
            return outcome(reader, id, step, "sitrep", model);
        } catch (InvalidInputException e) {
            return invalid(id, e, model);
        }
    }

    @GetMapping("/cases/{id}/response/sitreps/{number}")
    String sitrep(@PathVariable String id, @PathVariable String number, Model model) {
        Reader reader = readers.current();
        int n = number(number);
        if (!(responses.sitrep(reader, id, n) instanceof CaseStep.Done<Sitrep> d)
                || !(responses.board(reader, id, Instant.now()) instanceof CaseStep.Done<ResponseBoard> b)) {
            return unknown(reader, id, model);
        }
        Sitrep s = d.value();
        Locale locale = Locale.forLanguageTag(s.language());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("heading", messages.getMessage("response.sitrep.heading",
                new Object[] {Integer.toString(s.number()), b.value().file().title()}, locale));
        for (String key : List.of("place", "writtenAt", "nextDueAt", "late", "situation", "actions", "needs",
                "figures", "category", "value", "source", "asOf")) {
            labels.put(key, messages.getMessage("response.label." + key, null, locale));
        }
        for (FigureCategory c : FigureCategory.values()) {
            labels.put(c.name(), messages.getMessage("response.figure." + c.name(), null, locale));
        }
        model.addAttribute("kase", b.value().file());
        model.addAttribute("head", b.value().incident());
        model.addAttribute("s", s);
        model.addAttribute("L", labels);
        model.addAttribute("marking", MarkingView.of(b.value().file().marking(), scheme));
        return "response/sitrep";
    }

    @GetMapping("/cases/{id}/response/sitreps/{number}/pdf")
    ResponseEntity<byte[]> sitrepPdf(@PathVariable String id, @PathVariable String number) {
        int n = number(number);
        if (!(responses.sitrepPdf(readers.current(), id, n) instanceof CaseStep.Done<byte[]> d)) {
            throw new NotFoundException("situation report");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"sitrep-" + n
                        + ".pdf\"").body(d.value());
    }

    @PostMapping("/cases/{id}/response/press-lines")
    String draftPressLine(@PathVariable String id, @RequestParam(required = false) String language,
                          @RequestParam(required = false) String text, Model model) {
        return step(id, reader -> responses.draftPressLine(reader, id, language, text), "press-line", model);
    }

    @PostMapping("/cases/{id}/response/press-lines/{lineId}")
    String decidePressLine(@PathVariable String id, @PathVariable String lineId,
                           @RequestParam(required = false) String decision,
                           @RequestParam(required = false) String reason, Model model) {
        boolean release = "release".equals(decision);
        return step(id, reader -> responses.decidePressLine(reader, id, lineId, release, reason),
                release ? "released" : "rejected", model);
    }

    @PostMapping("/cases/{id}/response/closure")
    String close(@PathVariable String id, @RequestParam(required = false) Integer version,
                 @RequestParam(required = false) String reason, @RequestParam(required = false) String wentWell,
                 @RequestParam(required = false) String toImprove,
                 @RequestParam(name = "action", required = false) List<String> actions,
                 @RequestParam(name = "owner", required = false) List<String> owners, Model model) {
        List<Responses.ActionDraft> drafts = new ArrayList<>();
        for (int i = 0; actions != null && i < actions.size(); i++) {
            if (actions.get(i) != null && !actions.get(i).isBlank()) {
                drafts.add(new Responses.ActionDraft(actions.get(i), owners != null && i < owners.size()
                        ? owners.get(i) : null));
            }
        }
        Responses.ReviewDraft review = (wentWell == null || wentWell.isBlank()) && (toImprove == null
                || toImprove.isBlank()) && drafts.isEmpty() ? null
                : new Responses.ReviewDraft(wentWell, toImprove, drafts);
        int v = version == null ? 0 : version;
        return step(id, r -> responses.close(r, id, v, reason, review), "closed", model);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("situation report");
        }
    }

    // ---------------------------------------------------------------------------------------------- outcomes

    /** A step from a form: its outcome, or the board again naming the field that was wrong. */
    private <T> String step(String id, Function<Reader, CaseStep<T>> action, String done, Model model) {
        Reader reader = readers.current();
        try {
            return outcome(reader, id, action.apply(reader), done, model);
        } catch (InvalidInputException e) {
            return invalid(id, e, model);
        }
    }

    private <T> String outcome(Reader reader, String id, CaseStep<T> step, String done, Model model) {
        switch (step) {
            case CaseStep.Done<T> d -> {
                return "redirect:/cases/" + id + "/response?done=" + done;
            }
            case CaseStep.Unknown<T> u -> {
                return unknown(reader, id, model);
            }
            case CaseStep.Refused<T> r -> {
                model.addAttribute("problem", r.code());
                model.addAttribute("problemDetail", r.detail());
            }
            case CaseStep.WrongState<T> w -> {
                model.addAttribute("problem", "wrong-state");
                model.addAttribute("problemDetail", w.state());
            }
            case CaseStep.Stale<T> s -> model.addAttribute("problem", "stale-version");
        }
        return board(id, null, model);
    }

    private String invalid(String id, InvalidInputException e, Model model) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        return board(id, null, model);
    }

    private String unknown(Reader reader, String id, Model model) {
        if (cases.find(reader, id) instanceof CaseAccess.KnownToExist k) {
            model.addAttribute("marking", MarkingView.of(k.marking(), scheme));
            model.addAttribute("lead", organisations.find(k.leadOrganisationId()).orElse(null));
            return "cases/held";
        }
        throw new NotFoundException("case");
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "cases/not-found";
    }
}
