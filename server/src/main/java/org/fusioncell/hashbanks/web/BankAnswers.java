package org.fusioncell.hashbanks.web;

import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.hashbanks.BankStep;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A step's outcome as an HTTP answer: unknown and hidden are one 404; existence-only a hit notice (403). */
final class BankAnswers {

    private BankAnswers() {
    }

    static <T> ResponseEntity<?> answer(BankStep<T> step, ClassificationScheme scheme,
                                        Function<T, ResponseEntity<?>> done) {
        return switch (step) {
            case BankStep.Done<T> d -> done.apply(d.value());
            case BankStep.Unknown<T> u -> throw new NotFoundException("hash bank");
            case BankStep.KnownToExist<T> k -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only",
                        "Held by another organisation", "The bank's marking withholds its content from you.");
                p.setProperty("ownerOrganisationId", k.ownerOrganisationId());
                p.setProperty("classification", scheme.level(Math.min(k.marking().classificationRank(),
                        scheme.levels().size() - 1)));
                yield problem(HttpStatus.FORBIDDEN, p);
            }
            case BankStep.Refused<T> r -> problem(HttpStatus.FORBIDDEN,
                    ProblemDetails.problem(HttpStatus.FORBIDDEN, r.code(), "Not allowed", r.detail()));
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail p) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
