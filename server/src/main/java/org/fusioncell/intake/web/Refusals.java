package org.fusioncell.intake.web;

import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Organisations;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The API answers to a report that is not released: the same for the report and all it holds. */
@Component
class Refusals {

    private final Organisations organisations;
    private final ClassificationScheme scheme;

    Refusals(Organisations organisations, ClassificationScheme scheme) {
        this.organisations = organisations;
        this.scheme = scheme;
    }

    ResponseEntity<?> answer(ReportAccess refusal) {
        return switch (refusal) {
            case ReportAccess.JustificationNeeded needed -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.PRECONDITION_REQUIRED, "justification-required",
                        "Justification required", "This report is above the level that needs a stated reason: send it in the "
                                + ReportsApi.JUSTIFICATION_HEADER + " header.");
                p.setProperty("field", ReportsApi.JUSTIFICATION_HEADER);
                yield ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(p);
            }
            case ReportAccess.KnownToExist known -> {
                ProblemDetail p = ProblemDetails.problem(HttpStatus.FORBIDDEN, "existence-only", "Held by another organisation",
                        "A holder has this report; its content is not released to you. Ask the holder for release.");
                p.setProperty("holderOrganisation", organisations.find(known.holderOrganisationId())
                        .map(o -> Map.of("id", o.id(), "name", o.name())).orElse(Map.of("id", known.holderOrganisationId())));
                p.setProperty("classification", scheme.level(Math.min(known.marking().classificationRank(),
                        scheme.levels().size() - 1)));
                yield ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
            }
            case ReportAccess.Unknown unknown -> throw new NotFoundException("report");
            case ReportAccess.Opened opened -> throw new IllegalArgumentException("not a refusal");
        };
    }
}
