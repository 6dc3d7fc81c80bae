package org.fusioncell.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.Receipt;
import org.fusioncell.assessment.Step;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workflow buttons of a product page. A step done redirects to the product with what was done; a
 * step refused answers the product page again with the reason (409), a bad field with the field (400).
 */
@Controller
@RequestMapping("/assessments/{id}")
class AssessmentStepPages {

    /** The kinds of watch an indicator can become, and the criterion attribute its text goes into. */
    static final Map<String, String> WATCH_KINDS = Map.of("text", "query", "name", "name", "group", "group", "tag", "tag",
            "entity", "entityId");

    private final Assessments assessments;
    private final Readers readers;
    private final Organisations organisations;
    private final AssessmentPages pages;

    AssessmentStepPages(Assessments assessments, Readers readers, Organisations organisations, AssessmentPages pages) {
        this.assessments = assessments;
        this.readers = readers;
        this.organisations = organisations;
        this.pages = pages;
    }

    @PostMapping("/submit")
    String submit(@PathVariable String id, Model model, HttpServletResponse response) {
        return step(id, "submitted", () -> assessments.submit(readers.current(), id), model, response);
    }

    @PostMapping("/comment")
    String comment(@PathVariable String id, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String portion, Model model, HttpServletResponse response) {
        return step(id, "commented", () -> assessments.comment(readers.current(), id, required(text, "text"),
                blankToNull(portion)), model, response);
    }

    @PostMapping("/send-back")
    String sendBack(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
                    HttpServletResponse response) {
        return step(id, "sent-back", () -> assessments.sendBack(readers.current(), id, required(reason, "reason")),
                model, response);
    }

    @PostMapping("/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String note, Model model,
                   HttpServletResponse response) {
        return step(id, "approved", () -> assessments.approve(readers.current(), id, blankToNull(note)), model, response);
    }

    @PostMapping("/disseminate")
    String disseminate(@PathVariable String id, @RequestParam(required = false) List<String> organisationIds,
                       @RequestParam(required = false) String userIds, Model model, HttpServletResponse response) {
        List<String> users = userIds == null ? List.of()
                : Arrays.stream(userIds.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        List<String> orgs = organisationIds == null ? List.of() : organisationIds.stream().filter(s -> !s.isBlank()).toList();
        return step(id, "disseminated", () -> assessments.disseminate(readers.current(), id, users, orgs), model, response);
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
                    HttpServletResponse response) {
        return step(id, "withdrawn", () -> assessments.withdraw(readers.current(), id, required(reason, "reason")),
                model, response);
    }

    @PostMapping("/originator-approval")
    String approveAsOriginator(@PathVariable String id, @RequestParam(required = false) String note, Model model,
                               HttpServletResponse response) {
        return step(id, "originator-approved", () -> assessments.approveAsOriginator(readers.current(), id,
                blankToNull(note)), model, response);
    }

    @PostMapping("/feedback")
    String feedback(@PathVariable String id, @RequestParam(required = false) String feedback,
                    @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        return step(id, "feedback", () -> assessments.feedback(readers.current(), id, parseFeedback(feedback),
                blankToNull(note)), model, response);
    }

    /** An indicator becomes a watch of the reader's, on its text or on what they typed instead. */
    @PostMapping("/indicators/{index}/watch")
    String watch(@PathVariable String id, @PathVariable int index, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String value, Model model, HttpServletResponse response) {
        return step(id, "watch", () -> {
            String k = kind == null ? "text" : kind;
            if (!WATCH_KINDS.containsKey(k)) {
                throw new InvalidInputException("kind", "must be one of text, name, group, tag, entity");
            }
            Map<String, Object> criterion = new LinkedHashMap<>();
            criterion.put("kind", k);
            criterion.put(WATCH_KINDS.get(k), required(value, "value"));
            return assessments.watchIndicator(readers.current(), id, index, criterion);
        }, model, response);
    }

    private String step(String id, String done, Supplier<Step> step, Model model, HttpServletResponse response) {
        Step outcome;
        try {
            outcome = step.get();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorProblem", e.problem());
            return pages.show(id, model);
        }
        return switch (outcome) {
            case Step.Done d -> "redirect:/assessments/" + d.assessment().id() + "?done=" + done + anchor(done);
            case Step.Unknown u -> throw new NotFoundException("assessment");
            default -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                AssessmentPages.refusal(outcome, model, organisations);
                yield pages.show(id, model);
            }
        };
    }

    private static String anchor(String done) {
        return switch (done) {
            case "commented" -> "#comments";
            case "feedback" -> "#feedback";
            case "watch" -> "#indicators";
            default -> "";
        };
    }

    private static Receipt.Feedback parseFeedback(String text) {
        try {
            return Receipt.Feedback.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("feedback", "must be one of USEFUL, NOT_USEFUL, ACTION_TAKEN");
        }
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
