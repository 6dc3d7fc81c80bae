package org.fusioncell.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Tlp;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentAccess;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.Confidence;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Step;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The product editor: a new draft, a new version of a draft or of a product in review, and the
 * sanitised version of an approved one. A refused draft comes back with what was typed and the field at
 * fault next to its input; nothing is saved.
 */
@Controller
@RequestMapping("/assessments")
class AssessmentFormPages {

    /** One row of the likelihood × impact matrix as the page draws it, most likely first. */
    record MatrixRow(String likelihood, List<MatrixCell> cells) {
    }

    record MatrixCell(String likelihood, String impact, String level) {
    }

    private final Assessments assessments;
    private final AssessmentVocabulary vocabulary;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final AssessmentPages pages;

    AssessmentFormPages(Assessments assessments, AssessmentVocabulary vocabulary, Readers readers,
                        Organisations organisations, ClassificationScheme scheme, AssessmentPages pages) {
        this.pages = pages;
        this.assessments = assessments;
        this.vocabulary = vocabulary;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    /** The choices every form offers: the marking picker's (as the report form has them) and the vocabulary. */
    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("levels", scheme.levels());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("productTypes", ProductType.values());
        model.addAttribute("subjectTypes", SubjectType.values());
        model.addAttribute("confidences", Confidence.values());
        model.addAttribute("languages", List.of("ar", "fr", "en"));
        AssessmentPages.vocabulary(model, vocabulary);
    }

    @GetMapping("/new")
    String blank(Model model) {
        AssessmentPageForm form = new AssessmentPageForm();
        form.setLanguage(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return form(form, "new", null, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") AssessmentPageForm form, Model model, HttpServletResponse response) {
        Reader author = readers.current();
        try {
            Assessment a = assessments.draft(author, form.toDraft(List.of()));
            return "redirect:/assessments/" + a.id() + "?done=created";
        } catch (InvalidInputException e) {
            invalid(e, model, response);
            return form(form, "new", null, model);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model, HttpServletResponse response) {
        Assessment a = opened(id);
        if (!a.state().editable()) {
            return notNow(a, model, response);
        }
        return form(AssessmentPageForm.of(a, scheme), "edit", a, model);
    }

    @PostMapping("/{id}/edit")
    String revise(@PathVariable String id, @ModelAttribute("form") AssessmentPageForm form, Model model,
                  HttpServletResponse response) {
        Reader reader = readers.current();
        Assessment current = opened(id);
        try {
            if (form.getVersion() == null || form.getVersion() < 1) {
                throw new InvalidInputException("version", "is required");
            }
            Step step = assessments.revise(reader, id, form.getVersion(), form.toDraft(current.indicators()));
            return outcome(step, "saved", form, "edit", current, model, response);
        } catch (InvalidInputException e) {
            invalid(e, model, response);
            return form(form, "edit", current, model);
        }
    }

    /** The sanitised version starts as a copy of the original, to be cut down and marked lower. */
    @GetMapping("/{id}/sanitise")
    String sanitising(@PathVariable String id, Model model, HttpServletResponse response) {
        Assessment a = opened(id);
        if (a.state() != AssessmentState.APPROVED && a.state() != AssessmentState.DISSEMINATED) {
            return notNow(a, model, response);
        }
        AssessmentPageForm form = AssessmentPageForm.of(a, scheme);
        form.setVersion(null);
        return form(form, "sanitise", a, model);
    }

    @PostMapping("/{id}/sanitise")
    String sanitise(@PathVariable String id, @ModelAttribute("form") AssessmentPageForm form, Model model,
                    HttpServletResponse response) {
        Reader reader = readers.current();
        Assessment original = opened(id);
        try {
            Step step = assessments.sanitise(reader, id, form.toDraft(original.indicators()));
            return outcome(step, "sanitised", form, "sanitise", original, model, response);
        } catch (InvalidInputException e) {
            invalid(e, model, response);
            return form(form, "sanitise", original, model);
        }
    }

    private String outcome(Step step, String done, AssessmentPageForm form, String mode, Assessment current, Model model,
                           HttpServletResponse response) {
        return switch (step) {
            case Step.Done d -> "redirect:/assessments/" + d.assessment().id() + "?done=" + done;
            case Step.Unknown u -> throw new NotFoundException("assessment");
            default -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                AssessmentPages.refusal(step, model, organisations);
                yield form(form, mode, current, model);
            }
        };
    }

    private String form(AssessmentPageForm form, String mode, Assessment current, Model model) {
        model.addAttribute("form", form.withEmptyRows());
        model.addAttribute("mode", mode);
        model.addAttribute("current", current);
        model.addAttribute("resultingLevel", form.getLikelihood() == null || form.getImpact() == null ? null
                : vocabulary.level(form.getLikelihood(), form.getImpact()).orElse(null));
        return "assessment/form";
    }

    /** An editor asked for in a state that does not allow it: the product page, saying why. */
    private String notNow(Assessment a, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("wrongState", a.state().name());
        return pages.show(a.id(), model);
    }

    private Assessment opened(String id) {
        if (assessments.open(readers.current(), id) instanceof AssessmentAccess.Opened o) {
            return o.assessment();
        }
        throw new NotFoundException("assessment");
    }

    private static void invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errorField", e.field());
        model.addAttribute("errorProblem", e.problem());
        model.addAttribute("errorInput", AssessmentPageForm.inputFor(e.field()));
    }

    static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static List<MatrixRow> matrix(AssessmentVocabulary vocabulary) {
        return vocabulary.likelihoods().reversed().stream()
                .map(l -> new MatrixRow(l, vocabulary.impacts().stream()
                        .map(i -> new MatrixCell(l, i, vocabulary.level(l, i).orElse(null))).toList()))
                .toList();
    }
}
