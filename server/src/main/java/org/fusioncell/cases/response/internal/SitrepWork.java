package org.fusioncell.cases.response.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.response.FigureCategory;
import org.fusioncell.cases.response.Responses;
import org.fusioncell.cases.response.Sitrep;
import org.fusioncell.cases.response.internal.ResponseRows.Seen;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Situation reports and the casualty figures they carry. Reports are numbered on the case's rhythm: writing one
 * completes the rolling situation-report task (through the case, so it is audited and on the timeline there too)
 * and schedules the next; a report that is not written in time is escalated by the case's overdue sweep.
 */
@Component
class SitrepWork {

    private static final int MAX_FIGURES = 40;
    private static final int MAX_FIGURE = 10_000_000;

    private final ResponseRows rows;
    private final ResponseOpening opening;

    SitrepWork(ResponseRows rows, ResponseOpening opening) {
        this.rows = rows;
        this.opening = opening;
    }

    CaseStep<Sitrep> write(Reader reader, Seen s, Responses.SitrepDraft draft) {
        CaseFile c = s.file();
        if (!c.ledBy(reader.organisationId())) {
            return new CaseStep.Refused<>("not-lead-organisation", "Situation reports are written by the lead"
                    + " organisation, which coordinates the response.");
        }
        if (c.status() != CaseStatus.OPEN) {
            return new CaseStep.WrongState<>(c.status().name());
        }
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
        Instant now = rows.now();
        String language = ResponseRows.language("language", draft.language(), c.language());
        String situation = ResponseRows.text("situation", draft.situation(), ResponseRows.MAX_TEXT, true);
        String actions = ResponseRows.text("actionsTaken", draft.actionsTaken(), ResponseRows.MAX_TEXT, false);
        String needs = ResponseRows.text("needs", draft.needs(), ResponseRows.MAX_TEXT, false);
        List<Sitrep.Figure> figures = figures(draft.figures(), now, reader);
        Instant next = ResponseRows.instant("nextDueAt", draft.nextDueAt());
        if (next == null) {
            next = now.plus(s.head().everyMinutes(), ChronoUnit.MINUTES);
        } else if (!next.isAfter(now)) {
            throw new InvalidInputException("nextDueAt", "must be in the future");
        } else if (next.isAfter(now.plus(7, ChronoUnit.DAYS))) {
            throw new InvalidInputException("nextDueAt", "at most seven days ahead");
        }
        // two reports filed at once: the second waits for the first and takes the next number
        ResponseRows.Head head = rows.lockedHead(c.id());
        int number = head.nextNumber();
        Instant due = head.sitrepTaskId() == null ? null : rows.jdbc.sql(
                "SELECT due_at FROM cases_task WHERE id = :id").param("id", head.sitrepTaskId())
                .query((rs, n) -> ResponseRows.instant(rs, "due_at")).optional().orElse(null);
        String id = Ids.newId();
        rows.jdbc.sql("""
                INSERT INTO resp_sitrep (id, case_id, number, language, situation, actions_taken, needs, due_at,
                    next_due_at, author_user_id, author_organisation_id, written_at)
                VALUES (:id, :case, :n, :lang, :situation, :actions, :needs, :due, :next, :user, :org, :now)""")
                .param("id", id).param("case", c.id()).param("n", number).param("lang", language)
                .param("situation", situation).param("actions", actions).param("needs", needs)
                .param("due", ResponseRows.ts(due)).param("next", ResponseRows.ts(next))
                .param("user", reader.userId()).param("org", reader.organisationId())
                .param("now", ResponseRows.ts(now)).update();
        for (Sitrep.Figure f : figures) {
            rows.jdbc.sql("""
                    INSERT INTO resp_figure (id, case_id, sitrep_id, category, figure, source, as_of, recorded_by,
                        recorded_at) VALUES (:id, :case, :sitrep, :cat, :v, :source, :asOf, :user, :now)""")
                    .param("id", Ids.newId()).param("case", c.id()).param("sitrep", id)
                    .param("cat", f.category().name()).param("v", f.value()).param("source", f.source())
                    .param("asOf", ResponseRows.ts(f.asOf())).param("user", reader.userId())
                    .param("now", ResponseRows.ts(now)).update();
        }
        if (head.sitrepTaskId() != null) {
            // the rolling task may have been completed or cancelled by hand: then there is nothing to close
            rows.cases.completeTask(reader, c.id(), head.sitrepTaskId(), "SITREP " + number, List.of());
        }
        opening.scheduleSitrep(reader, c, number + 1, next);
        rows.timeline.append(c.id(), "sitrep-written", reader.userId(), reader.organisationId(), null,
                "SITREP " + number + " (" + language + ")");
        rows.audit(reader, AuditAction.COLLECTION, c.id(), List.of(id), "sitrep", Map.of("number",
                Integer.toString(number), "figures", Integer.toString(figures.size())));
        return new CaseStep.Done<>(load(c.id(), number).orElseThrow());
    }

    private static List<Sitrep.Figure> figures(List<Responses.FigureDraft> drafts, Instant now, Reader reader) {
        List<Sitrep.Figure> out = new ArrayList<>();
        if (drafts == null) {
            return out;
        }
        if (drafts.size() > MAX_FIGURES) {
            throw new InvalidInputException("figures", "at most " + MAX_FIGURES);
        }
        for (int i = 0; i < drafts.size(); i++) {
            Responses.FigureDraft d = drafts.get(i);
            String field = "figures[" + i + "]";
            if (d == null) {
                throw new InvalidInputException(field, "required");
            }
            FigureCategory category = FigureCategory.parse(d.category()).orElseThrow(() -> new InvalidInputException(
                    field + ".category", "one of " + List.of(FigureCategory.values())));
            if (d.value() == null) {
                throw new InvalidInputException(field + ".value", "required: how many");
            }
            if (d.value() < 0 || d.value() > MAX_FIGURE) {
                throw new InvalidInputException(field + ".value", "a casualty figure is a count: 0 or more");
            }
            String source = ResponseRows.text(field + ".source", d.source(), 500, false);
            if (source == null) {
                throw new InvalidInputException(field + ".source", "required: a figure without its source is"
                        + " refused (who says so: a hospital, the civil protection, the prosecutor…)");
            }
            Instant asOf = ResponseRows.instant(field + ".asOf", d.asOf());
            if (asOf == null) {
                asOf = now;
            } else if (asOf.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
                throw new InvalidInputException(field + ".asOf", "in the future");
            }
            out.add(new Sitrep.Figure(category, d.value(), source, asOf, 0, reader.userId(), now));
        }
        return out;
    }

    List<Sitrep> all(String caseId) {
        Map<Integer, List<Sitrep.Figure>> figures = figuresBySitrep(caseId);
        return rows.jdbc.sql("SELECT * FROM resp_sitrep WHERE case_id = :case ORDER BY number")
                .param("case", caseId).query((rs, n) -> sitrep(rs, figures)).list();
    }

    Optional<Sitrep> load(String caseId, int number) {
        Map<Integer, List<Sitrep.Figure>> figures = figuresBySitrep(caseId);
        return rows.jdbc.sql("SELECT * FROM resp_sitrep WHERE case_id = :case AND number = :n")
                .param("case", caseId).param("n", number).query((rs, n) -> sitrep(rs, figures)).optional();
    }

    /** Every figure of the case, by category then as reported (as of, then recorded): the history. */
    List<Sitrep.Figure> history(String caseId) {
        return rows.jdbc.sql("""
                SELECT f.*, s.number FROM resp_figure f JOIN resp_sitrep s ON s.id = f.sitrep_id
                WHERE f.case_id = :case ORDER BY f.category, f.as_of, f.recorded_at, s.number""")
                .param("case", caseId).query(SitrepWork::figure).list();
    }

    /** The figure in force for each category: the latest as of, then the latest recorded. */
    static List<Sitrep.Figure> latest(List<Sitrep.Figure> history) {
        Map<FigureCategory, Sitrep.Figure> last = new EnumMap<>(FigureCategory.class);
        history.forEach(f -> last.put(f.category(), f));
        return List.copyOf(last.values());
    }

    private Map<Integer, List<Sitrep.Figure>> figuresBySitrep(String caseId) {
        Map<Integer, List<Sitrep.Figure>> out = new HashMap<>();
        history(caseId).forEach(f -> out.computeIfAbsent(f.sitrepNumber(), k -> new ArrayList<>()).add(f));
        return out;
    }

    private static Sitrep sitrep(ResultSet rs, Map<Integer, List<Sitrep.Figure>> figures) throws SQLException {
        int number = rs.getInt("number");
        return new Sitrep(rs.getString("id"), rs.getString("case_id"), number, rs.getString("language"),
                rs.getString("situation"), rs.getString("actions_taken"), rs.getString("needs"),
                List.copyOf(figures.getOrDefault(number, List.of())), ResponseRows.instant(rs, "due_at"),
                ResponseRows.instant(rs, "next_due_at"), rs.getString("author_user_id"),
                rs.getString("author_organisation_id"), ResponseRows.instant(rs, "written_at"));
    }

    private static Sitrep.Figure figure(ResultSet rs, int n) throws SQLException {
        return new Sitrep.Figure(FigureCategory.valueOf(rs.getString("category")), rs.getInt("figure"),
                rs.getString("source"), ResponseRows.instant(rs, "as_of"), rs.getInt("number"),
                rs.getString("recorded_by"), ResponseRows.instant(rs, "recorded_at"));
    }
}
