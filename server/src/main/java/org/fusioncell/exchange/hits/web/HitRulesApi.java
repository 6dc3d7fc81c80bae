package org.fusioncell.exchange.hits.web;

import java.util.List;
import java.util.Map;
import org.fusioncell.exchange.hits.HitRule;
import org.fusioncell.exchange.hits.HitRules;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/hit-rules} and {@code hit-contact}: minimisation per agreement, the point of contact. */
@RestController
@RequestMapping("/api/v1/admin")
class HitRulesApi {

    record RuleForm(Boolean nameKeyAndBirthDate, String birthPrecision, Boolean keyedHash, String key) {
    }

    record ContactForm(String contact) {
    }

    private final HitRules rules;
    private final Readers readers;

    HitRulesApi(HitRules rules, Readers readers) {
        this.rules = rules;
        this.readers = readers;
    }

    @GetMapping("/hit-rules")
    List<HitRule> list() {
        return rules.list(readers.current());
    }

    @PutMapping("/hit-rules/{agreementId}")
    HitRule set(@PathVariable String agreementId, @RequestBody RuleForm form) {
        RuleForm f = form == null ? new RuleForm(null, null, null, null) : form;
        return rules.set(readers.current(), agreementId, Boolean.TRUE.equals(f.nameKeyAndBirthDate()),
                f.birthPrecision(), Boolean.TRUE.equals(f.keyedHash()), f.key());
    }

    @GetMapping("/hit-contact")
    Map<String, String> contact() {
        String c = rules.contact(readers.current().organisationId());
        return c == null ? Map.of() : Map.of("contact", c);
    }

    @PutMapping("/hit-contact")
    Map<String, String> setContact(@RequestBody ContactForm form) {
        rules.setContact(readers.current(), form == null ? null : form.contact());
        return contact();
    }

    @ExceptionHandler(HitRules.NotAdministratorException.class)
    ResponseEntity<ProblemDetail> notAdministrator() {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "forbidden", "For administrators",
                "Only an administrator of the organisation sets hit/no-hit rules and the point of contact.");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
