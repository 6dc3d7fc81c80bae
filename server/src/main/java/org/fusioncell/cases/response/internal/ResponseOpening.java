package org.fusioncell.cases.response.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.cases.CaseDraft;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.CaseTask;
import org.fusioncell.cases.TaskDraft;
import org.fusioncell.cases.response.ResponseBoard;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.cases.response.ResponseTemplates;
import org.fusioncell.cases.response.Responses;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.incidents.Incident;
import org.fusioncell.monitoring.incidents.IncidentAccess;
import org.fusioncell.monitoring.incidents.Incidents;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Opening a response case from a template in one step, and filling command roles. The case, its participants and
 * its tasks are made through {@link org.fusioncell.cases.Cases} (so its rules and audit apply unchanged); the
 * caller's transaction holds it all, so a bad agency or role holder leaves nothing behind.
 */
@Component
class ResponseOpening {

    private static final int MAX_AGENCIES = 30;

    private final ResponseRows rows;
    private final ResponseTemplates templates;
    private final Organisations organisations;
    private final Incidents incidents;
    private final MessageSource messages;

    ResponseOpening(ResponseRows rows, ResponseTemplates templates, Organisations organisations, Incidents incidents,
                    MessageSource messages) {
        this.rows = rows;
        this.templates = templates;
        this.organisations = organisations;
        this.incidents = incidents;
        this.messages = messages;
    }

    /** @return the new case's id, or a refusal (the transaction is then marked for rollback) */
    CaseStep<String> open(Reader supervisor, Responses.Opening o) {
        if (!rows.colleagues.holds(supervisor, Role.SUPERVISOR)) {
            return new CaseStep.Refused<>("not-supervisor", "A response case is opened by a supervisor.");
        }
        if (o == null) {
            throw new InvalidInputException("body", "required");
        }
        ResponseTemplate t = templates.find(o.templateCode()).orElseThrow(() -> new InvalidInputException(
                "templateCode", "no such response template; one of "
                        + templates.all().stream().map(ResponseTemplate::code).toList()));
        String language = ResponseRows.language("language", o.language(), null);
        Instant now = rows.now();
        Optional<Incident> linked = incident(supervisor, o.incidentId());
        String place = ResponseRows.text("place", o.place(), 500, linked.isEmpty());
        if (place == null) {
            place = linked.get().placeName() == null ? linked.get().country() : linked.get().placeName();
        }
        Instant at = ResponseRows.instant("occurredAt", o.occurredAt());
        if (at == null) {
            if (linked.isEmpty()) {
                throw new InvalidInputException("occurredAt", "required: when the attack happened (ISO-8601)");
            }
            at = linked.get().date().atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (at.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw new InvalidInputException("occurredAt", "in the future: a response follows an attack that happened");
        }
        String attackType = ResponseRows.text("attackType", o.attackType(), 100, false);
        if (attackType == null) {
            attackType = linked.map(Incident::attackType).filter(s -> !s.isBlank()).orElse(t.attackType());
        }
        Map<String, String> agencies = agencies(t, o.agencies());
        String title = ResponseRows.text("title", o.title(), 300, false);
        if (title == null) {
            title = t.name().in(language) + " — " + place;
        }
        String summary = message(language, "response.case.summary", t.name().in(language), place, at.toString(),
                attackType);
        CaseFile c = rows.cases.open(supervisor, new CaseDraft(title, summary, "RESPONSE", language, o.marking()));
        int version = c.version();
        int index = 0;
        for (String org : agencies.keySet()) {
            if (!org.equals(supervisor.organisationId())) {
                CaseStep<CaseFile> added;
                try {
                    added = rows.cases.addParticipant(supervisor, c.id(), version, org);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("agencies[" + index + "].organisationId", e.problem());
                }
                if (!(added instanceof CaseStep.Done<CaseFile> d)) {
                    return rollBack(added);
                }
                c = d.value();
                version = c.version();
            }
            index++;
        }
        rows.jdbc.sql("""
                INSERT INTO resp_case (case_id, template_code, incident_place, incident_at, attack_type, incident_id,
                    sitrep_every_minutes, next_sitrep_number, opened_by, opened_at)
                VALUES (:id, :template, :place, :at, :type, :incident, :every, 1, :user, :now)""")
                .param("id", c.id()).param("template", t.code()).param("place", place).param("at", ResponseRows.ts(at))
                .param("type", attackType).param("incident", linked.map(Incident::id).orElse(null))
                .param("every", t.sitrepEveryMinutes()).param("user", supervisor.userId())
                .param("now", ResponseRows.ts(now)).update();
        if (o.roles() != null) {
            for (Map.Entry<String, String> r : o.roles().entrySet()) {
                if (r.getValue() != null && !r.getValue().isBlank()) {
                    fill(supervisor, c, t, r.getKey(), r.getValue(), "roles." + r.getKey());
                }
            }
        }
        int tasks = 0;
        for (Map.Entry<String, String> a : agencies.entrySet()) {
            rows.jdbc.sql("INSERT INTO resp_agency (case_id, organisation_id, sector) VALUES (:case, :org, :sector)")
                    .param("case", c.id()).param("org", a.getKey()).param("sector", a.getValue()).update();
            ResponseTemplate.Checklist list = t.checklist(a.getValue()).orElseThrow();
            for (ResponseTemplate.Item item : list.items()) {
                CaseTask task = created(rows.cases.createTask(supervisor, c.id(), new TaskDraft(
                        item.title().in(language), message(language, "response.task.checklist",
                        list.name().in(language), t.name().in(language)), null, a.getKey(),
                        now.plus(item.withinMinutes(), ChronoUnit.MINUTES).toString(), item.priority(), null)));
                track(c.id(), task.id(), "CHECKLIST", a.getKey(), null);
                tasks++;
            }
        }
        scheduleSitrep(supervisor, c, 1, now.plus(t.sitrepEveryMinutes(), ChronoUnit.MINUTES));
        rows.timeline.append(c.id(), "response-opened", supervisor.userId(), supervisor.organisationId(), null,
                t.code() + " · " + place + " · " + at);
        rows.audit(supervisor, AuditAction.COLLECTION, c.id(), List.of(), "open", Map.of("template", t.code(),
                "agencies", Integer.toString(agencies.size()), "tasks", Integer.toString(tasks)));
        return new CaseStep.Done<>(c.id());
    }

    /** The rolling situation-report task: one at a time, assigned to the lead organisation, escalated when overdue. */
    String scheduleSitrep(Reader author, CaseFile c, int number, Instant due) {
        String n = Integer.toString(number);
        CaseTask task = created(rows.cases.createTask(author, c.id(), new TaskDraft(
                message(c.language(), "response.task.sitrep", n), message(c.language(),
                "response.task.sitrep.description", n), null, c.leadOrganisationId(), due.toString(), "HIGH", null)));
        track(c.id(), task.id(), "SITREP", c.leadOrganisationId(), number);
        rows.jdbc.sql("UPDATE resp_case SET sitrep_task_id = :task, next_sitrep_number = :n WHERE case_id = :id")
                .param("task", task.id()).param("n", number).param("id", c.id()).update();
        return task.id();
    }

    /** Role → user: an active user of a participating organisation whom the case's marking lets read it. */
    ResponseBoard.RoleHolder fill(Reader by, CaseFile c, ResponseTemplate t, String roleCode, String userId,
                                  String field) {
        if (roleCode == null || t.role(roleCode.strip()).isEmpty()) {
            throw new InvalidInputException(field, "no such command role in the template; one of "
                    + t.roles().stream().map(ResponseTemplate.Role::code).toList());
        }
        String org = rows.participantOf(c, userId, field);
        Instant now = rows.now();
        String code = roleCode.strip();
        rows.jdbc.sql("DELETE FROM resp_role WHERE case_id = :case AND role_code = :role")
                .param("case", c.id()).param("role", code).update();
        rows.jdbc.sql("""
                INSERT INTO resp_role (case_id, role_code, user_id, organisation_id, assigned_by, assigned_at)
                VALUES (:case, :role, :user, :org, :by, :now)""")
                .param("case", c.id()).param("role", code).param("user", userId.strip()).param("org", org)
                .param("by", by.userId()).param("now", ResponseRows.ts(now)).update();
        rows.timeline.append(c.id(), "response-role", by.userId(), by.organisationId(), null,
                code + " → " + userId.strip());
        rows.audit(by, AuditAction.ALTERATION, c.id(), List.of(), "role", Map.of("role", code, "user",
                userId.strip()));
        return new ResponseBoard.RoleHolder(code, userId.strip(), org, now);
    }

    private Map<String, String> agencies(ResponseTemplate t, List<Responses.Agency> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("agencies", "required: the responding agencies, each with its checklist");
        }
        if (given.size() > MAX_AGENCIES) {
            throw new InvalidInputException("agencies", "at most " + MAX_AGENCIES);
        }
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> sectors = new LinkedHashSet<>();
        t.checklists().forEach(c -> sectors.add(c.sector()));
        for (int i = 0; i < given.size(); i++) {
            Responses.Agency a = given.get(i);
            String field = "agencies[" + i + "]";
            if (a == null) {
                throw new InvalidInputException(field, "required");
            }
            String org = a.organisationId() == null ? "" : a.organisationId().strip();
            if (!Ids.isWellFormed(org) || organisations.find(org).isEmpty()) {
                throw new InvalidInputException(field + ".organisationId", "no such organisation");
            }
            String sector = a.sector() == null ? "" : a.sector().strip().toLowerCase(Locale.ROOT);
            if (!sectors.contains(sector)) {
                throw new InvalidInputException(field + ".sector", "not a checklist of the template; one of " + sectors);
            }
            if (out.put(org, sector) != null) {
                throw new InvalidInputException(field + ".organisationId", "named twice");
            }
        }
        return out;
    }

    private Optional<Incident> incident(Reader reader, String incidentId) {
        if (incidentId == null || incidentId.isBlank()) {
            return Optional.empty();
        }
        if (incidents.open(reader, incidentId.strip()) instanceof IncidentAccess.Opened o) {
            return Optional.of(o.detail().incident());
        }
        throw new InvalidInputException("incidentId", "no such incident record (or one you may not see)");
    }

    private void track(String caseId, String taskId, String purpose, String org, Integer number) {
        rows.jdbc.sql("""
                INSERT INTO resp_task (task_id, case_id, purpose, organisation_id, sitrep_number)
                VALUES (:task, :case, :purpose, :org, :n)""")
                .param("task", taskId).param("case", caseId).param("purpose", purpose).param("org", org)
                .param("n", number).update();
    }

    private static CaseTask created(CaseStep<CaseTask> step) {
        if (step instanceof CaseStep.Done<CaseTask> d) {
            return d.value();
        }
        throw new IllegalStateException("the response's own task was refused: " + step);
    }

    private static <T> CaseStep<T> rollBack(CaseStep<?> step) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        if (step instanceof CaseStep.Refused<?> r) {
            return new CaseStep.Refused<>(r.code(), r.detail());
        }
        return new CaseStep.Refused<>("refused", String.valueOf(step));
    }

    private String message(String language, String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(language));
    }
}
