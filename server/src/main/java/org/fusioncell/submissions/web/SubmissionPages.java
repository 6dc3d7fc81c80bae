package org.fusioncell.submissions.web;

import java.util.stream.Collectors;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.fusioncell.submissions.Submission;
import org.fusioncell.submissions.Submissions;
import org.fusioncell.submissions.Submissions.Reveal;
import org.fusioncell.submissions.Submissions.Step;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code /submissions}: a contributor's own submissions and their status; the cell's triage list, a submission's
 * page with the triage, report and (for the identity role) reveal forms. Calls only the module's API.
 */
@Controller
@RequestMapping("/submissions")
class SubmissionPages {

    static final int PAGE_SIZE = 25;

    private final Submissions submissions;
    private final Readers readers;
    private final Organisations organisations;

    SubmissionPages(Submissions submissions, Readers readers, Organisations organisations) {
        this.submissions = submissions;
        this.readers = readers;
        this.organisations = organisations;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                Model model) {
        Reader reader = readers.current();
        Submission.Status s;
        try {
            s = SubmissionsApi.status(status);
        } catch (InvalidInputException e) {
            s = null;
        }
        model.addAttribute("page", submissions.list(reader, s,
                PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE)));
        model.addAttribute("statuses", Submission.Status.values());
        model.addAttribute("filterStatus", s == null ? "" : s.name());
        model.addAttribute("triager", submissions.triager(reader));
        return "submissions/list";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        return show(model, readers.current(), id, null, null, null);
    }

    private String show(Model model, Reader reader, String id, String errorField, String errorText,
                        Submission.Identity identity) {
        Submission s = submissions.open(reader, id).orElseThrow(() -> new NotFoundException("submission"));
        boolean ofCell = s.cellOrganisationId().equals(reader.organisationId());
        boolean open = s.status() == Submission.Status.NEW || s.status() == Submission.Status.IN_REVIEW;
        model.addAttribute("submission", s);
        model.addAttribute("mayTriage", ofCell && open && submissions.triager(reader));
        model.addAttribute("mayReveal", ofCell && s.identityGiven() && submissions.identityOfficer(reader));
        model.addAttribute("ofCell", ofCell);
        model.addAttribute("organisationNames", organisations.all().stream()
                .collect(Collectors.toMap(OrganisationSummary::id, OrganisationSummary::name, (a, b) -> a)));
        model.addAttribute("identity", identity);
        model.addAttribute("errorField", errorField);
        model.addAttribute("errorText", errorText);
        return "submissions/submission";
    }

    @PostMapping("/{id}/triage")
    String triage(@PathVariable String id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String reason, Model model) {
        Reader reader = readers.current();
        try {
            return after(submissions.triage(reader, id, SubmissionsApi.status(status), reason), id);
        } catch (InvalidInputException e) {
            return show(model, reader, id, e.field(), e.problem(), null);
        }
    }

    @PostMapping("/{id}/report")
    String report(@PathVariable String id, @RequestParam(required = false) String title, Model model) {
        Reader reader = readers.current();
        try {
            return after(submissions.turnIntoReport(reader, id, title, null), id);
        } catch (InvalidInputException e) {
            return show(model, reader, id, e.field(), e.problem(), null);
        }
    }

    @PostMapping("/{id}/identity")
    String reveal(@PathVariable String id, @RequestParam(required = false) String justification, Model model) {
        Reader reader = readers.current();
        try {
            return switch (submissions.reveal(reader, id, justification)) {
                case Reveal.Revealed r -> show(model, reader, id, null, null, r.identity());
                case Reveal.NotAllowed n -> throw new Forbidden();
                case Reveal.Unknown u -> throw new NotFoundException("submission");
            };
        } catch (InvalidInputException e) {
            return show(model, reader, id, e.field(), e.problem(), null);
        }
    }

    @GetMapping("/{id}/attachment")
    ResponseEntity<InputStreamResource> attachment(@PathVariable String id) {
        return SubmissionsApi.file(submissions, readers, id);
    }

    private static String after(Step step, String id) {
        return switch (step) {
            case Step.Done d -> "redirect:/submissions/" + id;
            case Step.Unknown u -> throw new NotFoundException("submission");
            case Step.Refused r -> "redirect:/submissions/" + id;
        };
    }

    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class Forbidden extends RuntimeException {
    }
}
