package org.fusioncell.screening.web;

import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Organisations;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The screening API's problem answers, their title and detail in the caller's language
 * ({@code Accept-Language}; bundle {@code i18n/screening}). A hidden item and an absent one get the
 * shared "not found"; an item the reader may only know of gets the hit/no-hit notice.
 */
@Component
class ScreeningProblems {

    private final MessageSource messages;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    ScreeningProblems(MessageSource messages, Organisations organisations, ClassificationScheme scheme) {
        this.messages = messages;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    /** {@code key} names {@code screening.problem.<key>.title} and {@code .detail}. */
    ProblemDetail problem(HttpStatus status, String key, Object... args) {
        var locale = LocaleContextHolder.getLocale();
        return ProblemDetails.problem(status, key, messages.getMessage("screening.problem." + key + ".title", null, locale),
                messages.getMessage("screening.problem." + key + ".detail", args, locale));
    }

    ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The refusal of a read that was not granted; {@code kind} names the item for "not found". */
    ResponseEntity<ProblemDetail> refusal(ScreeningAccess<?> access, String kind) {
        return switch (access) {
            case ScreeningAccess.KnownToExist<?> known -> {
                ProblemDetail p = problem(HttpStatus.FORBIDDEN, "existence-only");
                p.setProperty("holderOrganisation", organisations.find(known.holderOrganisationId())
                        .map(o -> Map.of("id", o.id(), "name", o.name()))
                        .orElse(Map.of("id", known.holderOrganisationId())));
                p.setProperty("classification", scheme.level(Math.min(known.marking().classificationRank(),
                        scheme.levels().size() - 1)));
                yield answer(HttpStatus.FORBIDDEN, p);
            }
            case ScreeningAccess.Unknown<?> unknown -> throw new NotFoundException(kind);
            case ScreeningAccess.Granted<?> granted -> throw new IllegalArgumentException("not a refusal");
        };
    }
}
