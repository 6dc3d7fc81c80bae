package org.fusioncell.cases.requirements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.cases.requirements.CollectionStatus;
import org.fusioncell.cases.requirements.CollectionTask;
import org.fusioncell.cases.requirements.Requirement;
import org.fusioncell.cases.requirements.RequirementStatus;
import org.fusioncell.cases.requirements.Requirements;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the requirement's parts share: the rows as stored, the visibility rule (owner or tasked organisation, and
 * the marking in force), the actor's role, the audit record and the notices — for {@link JdbcRequirements},
 * {@link RequirementTasking} and {@link RequirementAnswers}.
 */
@Component
class RequirementRecords {

    static final String OBJECT = Requirements.INFORMATION_TYPE;

    private final JdbcClient jdbc;
    private final Markings markings;
    private final Colleagues colleagues;
    private final Readers readers;
    private final Notices notices;
    private final AuditLog log;
    private final Clock clock;

    RequirementRecords(JdbcClient jdbc, Markings markings, Colleagues colleagues, Readers readers, Notices notices,
                       AuditLog log, Clock clock) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.colleagues = colleagues;
        this.readers = readers;
        this.notices = notices;
        this.log = log;
        this.clock = clock;
    }

    record Head(String id, String code, String title, String question, TaskPriority priority, String owner,
                Instant validFrom, Instant validUntil, RequirementStatus status, String statusReason,
                String createdBy, String baseMarkingId, String markingId, int version, Instant createdAt,
                Instant updatedAt) {
    }

    /** A requirement the reader may see, with its marking in force. */
    record Seen(Head head, Marking marking) {
        Requirement requirement() {
            Head h = head;
            return new Requirement(h.id(), h.code(), h.title(), h.question(), h.priority(), h.owner(), h.validFrom(),
                    h.validUntil(), h.status(), h.statusReason(), marking, h.version(), h.createdBy(), h.createdAt(),
                    h.updatedAt());
        }

        boolean owner(Reader reader) {
            return head.owner().equals(reader.organisationId());
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getString("id"), rs.getString("code"), rs.getString("title"), rs.getString("question"),
                TaskPriority.valueOf(rs.getString("priority")), rs.getString("owner_organisation_id"),
                instant(rs, "valid_from"), instant(rs, "valid_until"),
                RequirementStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("created_by"), rs.getString("base_marking_id"), rs.getString("marking_id"),
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    CollectionTask task(ResultSet rs, int n) throws SQLException {
        CollectionStatus status = CollectionStatus.valueOf(rs.getString("status"));
        Instant due = instant(rs, "due_at");
        return new CollectionTask(rs.getString("id"), rs.getString("requirement_id"), rs.getString("organisation_id"),
                rs.getString("indicators"), due, status, rs.getString("status_reason"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"),
                due != null && status.waiting() && due.isBefore(now()));
    }

    Optional<Head> head(String id) {
        if (id == null || !Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM rq_requirement WHERE id = :id").param("id", id)
                .query(RequirementRecords::head).optional();
    }

    boolean tasked(String requirementId, String organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM rq_task WHERE requirement_id = :id AND organisation_id = :org")
                .param("id", requirementId).param("org", organisationId).query(Long.class).single() > 0;
    }

    /** The requirement if the reader's organisation owns it or is tasked, and the marking lets the reader see it. */
    Optional<Seen> seen(Reader reader, String id) {
        return head(id).flatMap(h -> {
            if (!h.owner().equals(reader.organisationId()) && !tasked(h.id(), reader.organisationId())) {
                return Optional.empty();
            }
            Marking marking = markings.find(h.markingId()).orElseThrow();
            return AccessPolicy.decide(reader, OBJECT, marking).visible()
                    ? Optional.of(new Seen(h, marking)) : Optional.empty();
        });
    }

    Seen reload(String id) {
        Head h = head(id).orElseThrow();
        return new Seen(h, markings.find(h.markingId()).orElseThrow());
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    boolean supervisor(Reader reader) {
        return colleagues.holds(reader, Role.SUPERVISOR);
    }

    boolean ownerSupervisor(Reader reader, Seen s) {
        return s.owner(reader) && supervisor(reader);
    }

    boolean userSees(String userId, Marking marking) {
        try {
            return AccessPolicy.decide(readers.forUser(userId, OBJECT), OBJECT, marking).visible();
        } catch (RuntimeException gone) {
            return false;
        }
    }

    void audit(Reader reader, AuditAction action, String id, String step, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("step", step);
        log.record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT, List.of(id))
                .withPurpose(reader.purpose()).withDetails(all));
    }

    void tell(String userId, Seen s, String kind, String itemId, String summary, Severity severity) {
        if (userId == null || !userSees(userId, s.marking())) {
            return;
        }
        Head h = s.head();
        String name = h.code() + " " + h.title();
        notices.tell(userId, new Notices.Notice(h.id(), name, kind, itemId, h.owner(), name, summary, severity,
                "/requirements/" + h.id()));
    }

    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return stripped;
    }

    /** An ISO-8601 instant, or a date: its start ({@code endOfDay} false) or its last second (true), UTC. */
    static Instant when(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return endOfDay ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "an ISO-8601 date (2026-12-01) or instant (2026-12-01T18:00:00Z)");
        }
    }

    /** All tasks for the owner; the reader's organisation's own for an agency. */
    List<CollectionTask> visibleTasks(Reader reader, Seen s) {
        if (s.owner(reader)) {
            return jdbc.sql("SELECT * FROM rq_task WHERE requirement_id = :id ORDER BY created_at, id")
                    .param("id", s.head().id()).query(this::task).list();
        }
        return jdbc.sql("SELECT * FROM rq_task WHERE requirement_id = :id AND organisation_id = :org"
                        + " ORDER BY created_at, id")
                .param("id", s.head().id()).param("org", reader.organisationId()).query(this::task).list();
    }

    Optional<CollectionTask> visibleTask(Reader reader, Seen s, String taskId) {
        return visibleTasks(reader, s).stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    CollectionTask oneTask(String id) {
        return jdbc.sql("SELECT * FROM rq_task WHERE id = :id").param("id", id).query(this::task).single();
    }

    record Where(String sql, Map<String, Object> params) {
    }

    static Where where(Reader reader, RequirementStatus status) {
        SqlPredicate visible = VisibilityFilter.visible(reader, OBJECT, "q.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("qorg", reader.organisationId());
        StringBuilder sql = new StringBuilder(visible.sql()).append(" AND (q.owner_organisation_id = :qorg OR EXISTS"
                + " (SELECT 1 FROM rq_task qt WHERE qt.requirement_id = q.id AND qt.organisation_id = :qorg))");
        if (status != null) {
            sql.append(" AND q.status = :qstatus");
            params.put("qstatus", status.name());
        }
        return new Where(sql.toString(), params);
    }

    List<Seen> heads(Where w, int limit, long offset) {
        List<Head> heads = jdbc.sql("SELECT * FROM rq_requirement q WHERE " + w.sql()
                        + " ORDER BY q.updated_at DESC, q.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", limit).param("offset", offset)
                .query(RequirementRecords::head).list();
        Map<String, Marking> marks = markings.findAll(heads.stream().map(Head::markingId).distinct().toList());
        return heads.stream().map(h -> new Seen(h, marks.get(h.markingId()))).toList();
    }
}
