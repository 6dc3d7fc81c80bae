package org.fusioncell.cases.response.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.CaseTask;
import org.fusioncell.cases.TaskStatus;
import org.fusioncell.cases.response.AfterActionReview;
import org.fusioncell.cases.response.PressLine;
import org.fusioncell.cases.response.ResponseBoard;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.cases.response.ResponseTemplates;
import org.fusioncell.cases.response.Responses;
import org.fusioncell.cases.response.Sitrep;
import org.fusioncell.cases.response.internal.ResponseRows.Seen;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Response cases on the database. Every read goes through the case ({@link ResponseRows#seen}): not a
 * participant, or withheld by the case's marking, and the response does not exist for the reader.
 */
@Service
class JdbcResponses implements Responses {

    private final ResponseRows rows;
    private final ResponseOpening opening;
    private final SitrepWork sitreps;
    private final SitrepPrinting printing;
    private final ResponseTemplates templates;
    private final ClosingWork closing;

    JdbcResponses(ResponseRows rows, ResponseOpening opening, SitrepWork sitreps, SitrepPrinting printing,
                  ResponseTemplates templates, ClosingWork closing) {
        this.rows = rows;
        this.opening = opening;
        this.sitreps = sitreps;
        this.printing = printing;
        this.templates = templates;
        this.closing = closing;
    }

    @Override
    @Transactional
    public CaseStep<ResponseBoard> open(Reader supervisor, Opening o) {
        return switch (opening.open(supervisor, o)) {
            case CaseStep.Done<String> d -> board(supervisor, d.value(), rows.now());
            case CaseStep.Refused<String> r -> new CaseStep.Refused<>(r.code(), r.detail());
            default -> throw new IllegalStateException("opening a response answered neither done nor refused");
        };
    }

    @Override
    @Transactional
    public CaseStep<ResponseBoard> board(Reader reader, String caseId, Instant now) {
        Optional<Seen> found = rows.seen(reader, caseId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        CaseFile c = s.file();
        ResponseTemplate t = templates.find(s.head().templateCode()).orElseThrow();
        List<CaseTask> tasks = rows.cases.tasks(reader, caseId).orElse(List.of());
        Map<String, String> checklist = new HashMap<>();
        rows.jdbc.sql("SELECT task_id, organisation_id FROM resp_task WHERE case_id = :case AND purpose = 'CHECKLIST'")
                .param("case", caseId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> checklist.put(e.getKey(), e.getValue()));
        List<ResponseBoard.AgencyProgress> agencies = new ArrayList<>();
        rows.jdbc.sql("SELECT organisation_id, sector FROM resp_agency WHERE case_id = :case"
                        + " ORDER BY sector, organisation_id")
                .param("case", caseId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(a -> {
                    List<CaseTask> mine = tasks.stream().filter(k -> a.getKey().equals(checklist.get(k.id()))).toList();
                    agencies.add(new ResponseBoard.AgencyProgress(a.getKey(), a.getValue(), mine.size(),
                            (int) mine.stream().filter(k -> k.status() == TaskStatus.DONE).count(),
                            (int) mine.stream().filter(CaseTask::overdue).count()));
                });
        Map<String, ResponseBoard.RoleHolder> held = new HashMap<>();
        rows.jdbc.sql("SELECT * FROM resp_role WHERE case_id = :case").param("case", caseId)
                .query((rs, n) -> new ResponseBoard.RoleHolder(rs.getString("role_code"), rs.getString("user_id"),
                        rs.getString("organisation_id"), ResponseRows.instant(rs, "assigned_at"))).list()
                .forEach(r -> held.put(r.roleCode(), r));
        List<ResponseBoard.RoleHolder> roles = t.roles().stream().map(r -> held.getOrDefault(r.code(),
                new ResponseBoard.RoleHolder(r.code(), null, null, null))).toList();
        Instant nextDue = tasks.stream().filter(k -> k.id().equals(s.head().sitrepTaskId())).findFirst()
                .filter(k -> !k.status().finished()).map(CaseTask::dueAt).orElse(null);
        ResponseBoard.Schedule schedule = new ResponseBoard.Schedule(s.head().everyMinutes(), s.head().nextNumber(),
                nextDue, c.status() == CaseStatus.OPEN && nextDue != null && nextDue.isBefore(now));
        List<Sitrep> written = sitreps.all(caseId);
        List<Sitrep.Figure> history = sitreps.history(caseId);
        rows.audit(reader, AuditAction.CONSULTATION, caseId, written.stream().map(Sitrep::id).toList(), "board",
                Map.of());
        return new CaseStep.Done<>(new ResponseBoard(c, t, new ResponseBoard.Incident(s.head().place(),
                s.head().occurredAt(), s.head().attackType(), s.head().incidentId()), roles, agencies, schedule,
                SitrepWork.latest(history), written, closing.lines(caseId), closing.load(caseId).orElse(null)));
    }

    @Override
    @Transactional
    public CaseStep<ResponseBoard.RoleHolder> assignRole(Reader reader, String caseId, String roleCode, String userId) {
        Optional<Seen> found = rows.seen(reader, caseId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Seen s = found.get();
        if (!rows.leadSupervisor(reader, s.file())) {
            return new CaseStep.Refused<>("not-lead-supervisor", "Command roles are filled by a supervisor of the"
                    + " lead organisation.");
        }
        if (s.file().status() == CaseStatus.CLOSED) {
            return new CaseStep.WrongState<>(s.file().status().name());
        }
        ResponseTemplate t = templates.find(s.head().templateCode()).orElseThrow();
        return new CaseStep.Done<>(opening.fill(reader, s.file(), t, roleCode, userId, "userId"));
    }

    @Override
    @Transactional
    public CaseStep<Sitrep> writeSitrep(Reader reader, String caseId, SitrepDraft draft) {
        Optional<Seen> found = rows.seen(reader, caseId);
        return found.isEmpty() ? new CaseStep.Unknown<>() : sitreps.write(reader, found.get(), draft);
    }

    @Override
    @Transactional
    public Optional<List<Sitrep>> sitreps(Reader reader, String caseId) {
        if (rows.seen(reader, caseId).isEmpty()) {
            return Optional.empty();
        }
        List<Sitrep> all = sitreps.all(caseId);
        rows.audit(reader, AuditAction.CONSULTATION, caseId, all.stream().map(Sitrep::id).toList(), "sitreps",
                Map.of());
        return Optional.of(all);
    }

    @Override
    @Transactional
    public CaseStep<Sitrep> sitrep(Reader reader, String caseId, int number) {
        if (rows.seen(reader, caseId).isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Optional<Sitrep> s = sitreps.load(caseId, number);
        if (s.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        rows.audit(reader, AuditAction.CONSULTATION, caseId, List.of(s.get().id()), "sitrep", Map.of());
        return new CaseStep.Done<>(s.get());
    }

    @Override
    @Transactional
    public CaseStep<byte[]> sitrepPdf(Reader reader, String caseId, int number) {
        Optional<Seen> found = rows.seen(reader, caseId);
        Optional<Sitrep> s = found.flatMap(f -> sitreps.load(caseId, number));
        if (s.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        rows.audit(reader, AuditAction.EXPORT, caseId, List.of(s.get().id()), "sitrep-pdf", Map.of());
        return new CaseStep.Done<>(printing.print(found.get().file(), found.get().head(), s.get()));
    }

    @Override
    @Transactional
    public Optional<List<Sitrep.Figure>> figures(Reader reader, String caseId) {
        if (rows.seen(reader, caseId).isEmpty()) {
            return Optional.empty();
        }
        List<Sitrep.Figure> history = sitreps.history(caseId);
        rows.audit(reader, AuditAction.CONSULTATION, caseId, List.of(), "figures", Map.of("figures",
                Integer.toString(history.size())));
        return Optional.of(history);
    }

    @Override
    @Transactional
    public CaseStep<PressLine> draftPressLine(Reader reader, String caseId, String language, String text) {
        Optional<Seen> found = rows.seen(reader, caseId);
        return found.isEmpty() ? new CaseStep.Unknown<>() : closing.draft(reader, found.get().file(), language, text);
    }

    @Override
    @Transactional
    public Optional<List<PressLine>> pressLines(Reader reader, String caseId) {
        if (rows.seen(reader, caseId).isEmpty()) {
            return Optional.empty();
        }
        List<PressLine> lines = closing.lines(caseId);
        rows.audit(reader, AuditAction.CONSULTATION, caseId, lines.stream().map(PressLine::id).toList(),
                "press-lines", Map.of());
        return Optional.of(lines);
    }

    @Override
    @Transactional
    public CaseStep<PressLine> decidePressLine(Reader reader, String caseId, String lineId, boolean release,
                                               String reason) {
        Optional<Seen> found = rows.seen(reader, caseId);
        return found.isEmpty() ? new CaseStep.Unknown<>()
                : closing.decide(reader, found.get().file(), lineId, release, reason);
    }

    @Override
    @Transactional
    public CaseStep<AfterActionReview> close(Reader reader, String caseId, int expectedVersion, String reason,
                                             ReviewDraft review) {
        Optional<Seen> found = rows.seen(reader, caseId);
        if (found.isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        CaseStep<AfterActionReview> step = closing.close(reader, found.get().file(), expectedVersion, reason, review);
        if (!(step instanceof CaseStep.Done)) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return step;
    }

    @Override
    @Transactional
    public CaseStep<AfterActionReview> review(Reader reader, String caseId) {
        if (rows.seen(reader, caseId).isEmpty()) {
            return new CaseStep.Unknown<>();
        }
        Optional<AfterActionReview> r = closing.load(caseId);
        if (r.isEmpty()) {
            return new CaseStep.Refused<>("no-review", "No after-action review has been written: it is written when"
                    + " the case is closed.");
        }
        rows.audit(reader, AuditAction.CONSULTATION, caseId, List.of(), "review", Map.of());
        return new CaseStep.Done<>(r.get());
    }
}
