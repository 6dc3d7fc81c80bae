package org.fusioncell.assessment.web;

import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.assessment.AssessmentAccess;
import org.fusioncell.assessment.Step;
import org.fusioncell.identity.Organisations;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Workflow outcomes as HTTP answers: a refusal is a problem detail whose type is its code and whose
 * {@code subjects} name the users or organisations concerned. Breaking a rule about who may act
 * (four eyes, role, originator, recipient) is 403; a product not ready for the step is 409; recipients the
 * marking does not reach are 422.
 */
final class StepAnswers {

    private StepAnswers() {
    }

    static ResponseEntity<?> answer(Step step, ClassificationScheme scheme) {
        return switch (step) {
            case Step.Done done -> ResponseEntity.ok(AssessmentView.of(done.assessment(), scheme));
            case Step.Unknown u -> throw new NotFoundException("assessment");
            case Step.WrongState w -> problem(HttpStatus.CONFLICT, "wrong-state", "Not in this state",
                    "The product is " + w.state() + ": this step does not apply.", Map.of("state", w.state().name()));
            case Step.Stale s -> problem(HttpStatus.CONFLICT, "stale-version", "Edited meanwhile",
                    "The product is at version " + s.currentVersion() + "; reload it and edit that version.",
                    Map.of("currentVersion", s.currentVersion()));
            case Step.Refused r -> problem(status(r.code()), r.code(), "Refused", r.detail(),
                    Map.of("subjects", r.subjects()));
        };
    }

    static HttpStatus status(String code) {
        return switch (code) {
            case "four-eyes", "not-supervisor", "not-analyst", "not-originator", "not-recipient" -> HttpStatus.FORBIDDEN;
            case "above-clearance", "outside-marking", "no-recipient" -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.CONFLICT;
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                 Map<String, Object> properties) {
        ProblemDetail p = ProblemDetails.problem(status, type, title, detail);
        properties.forEach(p::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static ResponseEntity<?> opened(AssessmentAccess access, ClassificationScheme scheme, Organisations organisations) {
        return switch (access) {
            case AssessmentAccess.Opened o -> ResponseEntity.ok(AssessmentView.of(o.assessment(), scheme));
            case AssessmentAccess.KnownToExist known -> problem(HttpStatus.FORBIDDEN, "existence-only",
                    "Held by another organisation", "An organisation holds this product; ask it for release.",
                    Map.of("holderOrganisation", organisations.find(known.holderOrganisationId())
                                    .map(o -> Map.of("id", o.id(), "name", o.name()))
                                    .orElse(Map.of("id", known.holderOrganisationId())),
                            "classification", scheme.level(known.marking().classificationRank())));
            case AssessmentAccess.Unknown u -> throw new NotFoundException("assessment");
        };
    }
}
