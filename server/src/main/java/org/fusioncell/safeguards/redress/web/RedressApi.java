package org.fusioncell.safeguards.redress.web;

import java.util.List;
import java.util.Locale;
import org.fusioncell.safeguards.redress.Redress;
import org.fusioncell.safeguards.redress.RedressLetter;
import org.fusioncell.safeguards.redress.RedressRequest;
import org.fusioncell.safeguards.redress.RedressStep;
import org.fusioncell.screening.PersonHit;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/redress}: redress requests for the redress officers of the filing organisation. */
@RestController
@RequestMapping("/api/v1/redress")
@PreAuthorize("isAuthenticated()")
class RedressApi {

    record LinkForm(List<String> hitIds) {
    }

    record AssignForm(String userId) {
    }

    record NoteForm(String text) {
    }

    record DecisionForm(String outcome, String reason) {
    }

    private final Redress redress;
    private final RedressOfficers officers;
    private final MessageSource messages;

    RedressApi(Redress redress, RedressOfficers officers, MessageSource messages) {
        this.redress = redress;
        this.officers = officers;
        this.messages = messages;
    }

    @PostMapping
    ResponseEntity<RedressRequest> file(@RequestBody RedressForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(redress.file(officers.current(), form.filing()));
    }

    @GetMapping
    List<RedressRequest> list() {
        return redress.list(officers.current());
    }

    @GetMapping("/{id}")
    RedressRequest one(@PathVariable String id) {
        return redress.open(officers.current(), id).orElseThrow(() -> new NotFoundException("redress request"));
    }

    @GetMapping("/{id}/candidates")
    List<PersonHit> candidates(@PathVariable String id) {
        one(id);
        return redress.candidates(officers.current(), id);
    }

    @GetMapping("/{id}/hits")
    List<PersonHit> linked(@PathVariable String id) {
        one(id);
        return redress.linked(officers.current(), id);
    }

    @PostMapping("/{id}/hits")
    ResponseEntity<?> link(@PathVariable String id, @RequestBody LinkForm form) {
        if (form.hitIds() == null || form.hitIds().isEmpty()) {
            throw new InvalidInputException("hitIds", "at least one hit");
        }
        return answer(redress.link(officers.current(), id, form.hitIds()));
    }

    @PostMapping("/{id}/assignment")
    ResponseEntity<?> assign(@PathVariable String id, @RequestBody AssignForm form) {
        if (form.userId() == null || form.userId().isBlank()) {
            throw new InvalidInputException("userId", "required");
        }
        return answer(redress.assign(officers.current(), id, form.userId().strip()));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<?> note(@PathVariable String id, @RequestBody NoteForm form) {
        return answer(redress.note(officers.current(), id, form.text()));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody DecisionForm form) {
        RedressRequest.Outcome outcome = outcome(form.outcome());
        return answer(redress.decide(officers.current(), id, outcome, form.reason()));
    }

    static RedressRequest.Outcome outcome(String text) {
        try {
            return RedressRequest.Outcome.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "one of UPHELD, NOT_UPHELD");
        }
    }

    @GetMapping(value = "/{id}/letter", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> letterHtml(@PathVariable String id) {
        RedressLetter letter = letter(id);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(letter.html());
    }

    @GetMapping(value = "/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letterPdf(@PathVariable String id) {
        RedressLetter letter = letter(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"redress-" + id + ".pdf\"").body(letter.pdf());
    }

    private RedressLetter letter(String id) {
        return redress.letter(officers.current(), id)
                .orElseThrow(() -> new NotFoundException("decided redress request"));
    }

    private ResponseEntity<?> answer(RedressStep step) {
        return switch (step) {
            case RedressStep.Done d -> ResponseEntity.ok(d.request());
            case RedressStep.AlreadyDecided a -> problem("already-decided");
            case RedressStep.NoHitLinked n -> problem("no-hit-linked");
            case RedressStep.Unknown u -> throw new NotFoundException("redress request or hit");
        };
    }

    private ResponseEntity<?> problem(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(HttpStatus.CONFLICT, key,
                        messages.getMessage("redress.problem." + key + ".title", null, locale),
                        messages.getMessage("redress.problem." + key + ".detail", null, locale)));
    }
}
