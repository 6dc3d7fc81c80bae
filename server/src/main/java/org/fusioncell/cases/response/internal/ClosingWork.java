package org.fusioncell.cases.response.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.response.AfterActionReview;
import org.fusioncell.cases.response.PressLine;
import org.fusioncell.cases.response.Responses;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Press lines (drafted by any participant, released by a supervisor of the lead organisation who did not draft
 * them: four eyes) and the after-action review, written as the case is closed.
 */
@Component
class ClosingWork {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LINE = 2000;
    private static final int MAX_ACTIONS = 30;

    private final ResponseRows rows;

    ClosingWork(ResponseRows rows) {
        this.rows = rows;
    }

    // ---------------------------------------------------------------------------------------------- press lines

    CaseStep<PressLine> draft(Reader reader, CaseFile c, String language, String text) {
        if (c.status() != CaseStatus.OPEN) {
            return new CaseStep.WrongState<>(c.status().name());
        }
        String lang = ResponseRows.language("language", language, c.language());
        String body = ResponseRows.text("text", text, MAX_LINE, true);
        String id = Ids.newId();
        rows.jdbc.sql("""
                INSERT INTO resp_press_line (id, case_id, language, body, status, drafted_by, drafted_organisation_id,
                    drafted_at) VALUES (:id, :case, :lang, :body, 'DRAFT', :user, :org, :now)""")
                .param("id", id).param("case", c.id()).param("lang", lang).param("body", body)
                .param("user", reader.userId()).param("org", reader.organisationId())
                .param("now", ResponseRows.ts(rows.now())).update();
        rows.timeline.append(c.id(), "press-line-drafted", reader.userId(), reader.organisationId(), null, body);
        rows.audit(reader, AuditAction.COLLECTION, c.id(), List.of(id), "press-line", Map.of("language", lang));
        return new CaseStep.Done<>(line(id).orElseThrow());
    }

    CaseStep<PressLine> decide(Reader reader, CaseFile c, String lineId, boolean release, String reason) {
        Optional<PressLine> found = Ids.isWellFormed(lineId) ? line(lineId).filter(l -> l.caseId().equals(c.id()))
                : Optional.empty();
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        PressLine l = found.get();
        if (!rows.leadSupervisor(reader, c)) {
            return new CaseStep.Refused<>("not-lead-supervisor", "Press lines are released by a supervisor of the"
                    + " lead organisation.");
        }
        if (reader.userId().equals(l.draftedByUserId())) {
            return new CaseStep.Refused<>("four-eyes", "A press line is released by another supervisor than the one"
                    + " who drafted it.");
        }
        String why = ResponseRows.text("reason", reason, 2000, !release);
        Instant now = rows.now();
        int moved = rows.jdbc.sql("""
                UPDATE resp_press_line SET status = :status, decided_by = :user, decided_at = :now,
                    decision_reason = :why WHERE id = :id AND status = 'DRAFT'""")
                .param("status", release ? "RELEASED" : "REJECTED").param("user", reader.userId())
                .param("now", ResponseRows.ts(now)).param("why", why).param("id", l.id()).update();
        if (moved == 0) {
            return new CaseStep.WrongState<>(l.status().name());
        }
        rows.timeline.append(c.id(), release ? "press-line-released" : "press-line-rejected", reader.userId(),
                reader.organisationId(), null, release ? l.text() : why);
        rows.audit(reader, release ? AuditAction.DISCLOSURE : AuditAction.ALTERATION, c.id(), List.of(l.id()),
                release ? "press-line-release" : "press-line-reject", Map.of());
        return new CaseStep.Done<>(line(l.id()).orElseThrow());
    }

    List<PressLine> lines(String caseId) {
        return rows.jdbc.sql("SELECT * FROM resp_press_line WHERE case_id = :case ORDER BY drafted_at, id")
                .param("case", caseId).query(ClosingWork::line).list();
    }

    private Optional<PressLine> line(String id) {
        return rows.jdbc.sql("SELECT * FROM resp_press_line WHERE id = :id").param("id", id)
                .query(ClosingWork::line).optional();
    }

    private static PressLine line(ResultSet rs, int n) throws SQLException {
        return new PressLine(rs.getString("id"), rs.getString("case_id"), rs.getString("language"),
                rs.getString("body"), PressLine.Status.valueOf(rs.getString("status")), rs.getString("drafted_by"),
                rs.getString("drafted_organisation_id"), ResponseRows.instant(rs, "drafted_at"),
                rs.getString("decided_by"), ResponseRows.instant(rs, "decided_at"), rs.getString("decision_reason"));
    }

    // ---------------------------------------------------------------------------------------------- closure

    /** The review is written first, then the case closed through the cases module, whose closure check reads it. */
    CaseStep<AfterActionReview> close(Reader reader, CaseFile c, int expectedVersion, String reason,
                                      Responses.ReviewDraft review) {
        if (!rows.leadSupervisor(reader, c)) {
            return new CaseStep.Refused<>("not-lead-supervisor", "A response case is closed by a supervisor of the"
                    + " lead organisation.");
        }
        if (c.status() == CaseStatus.CLOSED) {
            return new CaseStep.WrongState<>(c.status().name());
        }
        if (review == null) {
            throw new InvalidInputException("afterActionReview", "required: a response case is closed with its"
                    + " after-action review (what went well, what to improve, actions with owners)");
        }
        String well = ResponseRows.text("afterActionReview.wentWell", review.wentWell(), ResponseRows.MAX_TEXT, true);
        String improve = ResponseRows.text("afterActionReview.toImprove", review.toImprove(), ResponseRows.MAX_TEXT,
                true);
        List<AfterActionReview.Action> actions = actions(c, review.actions());
        ResponseRows.text("reason", reason, 2000, true);
        rows.jdbc.sql("DELETE FROM resp_review WHERE case_id = :case").param("case", c.id()).update();
        rows.jdbc.sql("""
                INSERT INTO resp_review (case_id, went_well, to_improve, actions, written_by, written_organisation_id,
                    written_at) VALUES (:case, :well, :improve, :actions, :user, :org, :now)""")
                .param("case", c.id()).param("well", well).param("improve", improve)
                .param("actions", JSON.writeValueAsString(actions)).param("user", reader.userId())
                .param("org", reader.organisationId()).param("now", ResponseRows.ts(rows.now())).update();
        rows.timeline.append(c.id(), "after-action-review", reader.userId(), reader.organisationId(), null,
                improve);
        rows.audit(reader, AuditAction.COLLECTION, c.id(), List.of(), "after-action-review", Map.of("actions",
                Integer.toString(actions.size())));
        return switch (rows.cases.changeStatus(reader, c.id(), expectedVersion, CaseStatus.CLOSED.name(), reason)) {
            case CaseStep.Done<CaseFile> d -> new CaseStep.Done<>(load(c.id()).orElseThrow());
            case CaseStep.Stale<CaseFile> s -> new CaseStep.Stale<>(s.currentVersion());
            case CaseStep.WrongState<CaseFile> w -> new CaseStep.WrongState<>(w.state());
            case CaseStep.Refused<CaseFile> r -> new CaseStep.Refused<>(r.code(), r.detail());
            case CaseStep.Unknown<CaseFile> u -> new CaseStep.Unknown<>();
        };
    }

    private List<AfterActionReview.Action> actions(CaseFile c, List<Responses.ActionDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw new InvalidInputException("afterActionReview.actions", "required: at least one action, each with"
                    + " the participating organisation that owns it");
        }
        if (drafts.size() > MAX_ACTIONS) {
            throw new InvalidInputException("afterActionReview.actions", "at most " + MAX_ACTIONS);
        }
        List<AfterActionReview.Action> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = "afterActionReview.actions[" + i + "]";
            Responses.ActionDraft d = drafts.get(i);
            if (d == null) {
                throw new InvalidInputException(field, "required");
            }
            String action = ResponseRows.text(field + ".action", d.action(), 2000, true);
            String owner = d.ownerOrganisationId() == null ? "" : d.ownerOrganisationId().strip();
            if (c.participants().stream().noneMatch(p -> p.organisationId().equals(owner))) {
                throw new InvalidInputException(field + ".ownerOrganisationId", "not a participating organisation");
            }
            out.add(new AfterActionReview.Action(action, owner));
        }
        return out;
    }

    Optional<AfterActionReview> load(String caseId) {
        return rows.jdbc.sql("SELECT * FROM resp_review WHERE case_id = :case").param("case", caseId)
                .query((rs, n) -> new AfterActionReview(rs.getString("case_id"), rs.getString("went_well"),
                        rs.getString("to_improve"), JSON.readValue(rs.getString("actions"),
                        new TypeReference<List<AfterActionReview.Action>>() { }), rs.getString("written_by"),
                        rs.getString("written_organisation_id"), ResponseRows.instant(rs, "written_at")))
                .optional();
    }
}
