package org.fusioncell.cases.response.internal;

import java.util.Optional;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseKind;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.ClosureCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A response case is closed only with its after-action review: whichever way the closure is asked for. */
@Component
class ReviewBeforeClosing implements ClosureCondition {

    static final String CODE = "after-action-review-required";

    private final JdbcClient jdbc;

    ReviewBeforeClosing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CaseStep.Refused<CaseFile>> refusal(String caseId, CaseKind kind) {
        if (kind != CaseKind.RESPONSE) {
            return Optional.empty();
        }
        boolean written = jdbc.sql("SELECT COUNT(*) FROM resp_review WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single() > 0;
        return written ? Optional.empty() : Optional.of(new CaseStep.Refused<>(CODE, "A response case is closed with"
                + " its after-action review (what went well, what to improve, actions with owners): close it from"
                + " the response board (POST /api/v1/cases/{id}/response/closure) with the review."));
    }
}
