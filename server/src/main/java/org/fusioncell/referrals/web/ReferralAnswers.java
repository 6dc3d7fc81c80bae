package org.fusioncell.referrals.web;

import java.util.Set;
import java.util.function.Function;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.referrals.ContentAccess;
import org.fusioncell.referrals.ReferralStep;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How the API answers the module's outcomes: unknown 404, a step out of order 409, a role that may not 403. */
final class ReferralAnswers {

    /** Refusals about the referral's state rather than the actor's role. */
    static final Set<String> CONFLICTS = Set.of("wrong-state", "not-in-scope", "already-referred", "not-a-measure");

    private ReferralAnswers() {
    }

    static <T> ResponseEntity<?> step(ReferralStep<T> step, String kind, Function<T, ResponseEntity<?>> done) {
        return switch (step) {
            case ReferralStep.Done<T> d -> done.apply(d.value());
            case ReferralStep.Unknown<T> u -> throw new NotFoundException(kind);
            case ReferralStep.Refused<T> r -> {
                HttpStatus status = CONFLICTS.contains(r.code()) ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN;
                ProblemDetail p = ProblemDetails.problem(status, r.code(), status == HttpStatus.CONFLICT
                        ? "Not possible now" : "Not allowed", r.detail());
                yield ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
        };
    }

    static ResponseEntity<?> opened(ContentAccess access, ClassificationScheme scheme,
                                    Function<ContentAccess.Opened, ResponseEntity<?>> body) {
        return switch (access) {
            case ContentAccess.Opened o -> body.apply(o);
            case ContentAccess.KnownToExist k -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only",
                        "Held by another organisation", "The content's marking withholds it from you.");
                p.setProperty("ownerOrganisationId", k.ownerOrganisationId());
                p.setProperty("classification", scheme.level(Math.min(k.marking().classificationRank(),
                        scheme.levels().size() - 1)));
                yield ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(p);
            }
            case ContentAccess.Unknown u -> throw new NotFoundException("content");
        };
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail p = ProblemDetails.problem(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large",
                "File too large", "file: larger than the limit of " + limit + " bytes; nothing was stored.");
        p.setProperty("field", "file");
        p.setProperty("limitBytes", limit);
        return p;
    }
}
