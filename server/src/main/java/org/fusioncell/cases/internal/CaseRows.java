package org.fusioncell.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseKind;
import org.fusioncell.cases.CaseStatus;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.ItemRef;
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
 * What the case store and the task store share: reading a case's rows, deciding whether a reader may act on
 * a case at all (a participant whom the marking lets see it), the timeline, notices and the audit trail.
 */
@Component
class CaseRows {

    static final String OBJECT = Cases.INFORMATION_TYPE;
    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 8000;
    static final int MAX_REASON = 2000;

    final JdbcClient jdbc;
    final Markings markings;
    final Readers readers;
    final Colleagues colleagues;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;

    CaseRows(JdbcClient jdbc, Markings markings, Readers readers, Colleagues colleagues, Notices notices,
             AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.readers = readers;
        this.colleagues = colleagues;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    record Head(String id, String title, String summary, CaseKind kind, CaseStatus status, String statusReason,
                String language, String leadOrganisationId, String createdBy, String baseMarkingId, String markingId,
                int version, Instant createdAt, Instant updatedAt) {
    }

    /** A case the reader may see and act on, with its marking in force and its participants. */
    record Seen(Head head, Marking marking, List<CaseFile.Participant> participants) {
        boolean participates(String organisationId) {
            return participants.stream().anyMatch(p -> p.organisationId().equals(organisationId));
        }

        CaseFile file() {
            Head h = head;
            return new CaseFile(h.id(), h.title(), h.summary(), h.kind(), h.status(), h.statusReason(), h.language(),
                    h.leadOrganisationId(), participants, marking, h.version(), h.createdBy(), h.createdAt(),
                    h.updatedAt());
        }
    }

    Optional<Head> head(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM cases_case WHERE id = :id").param("id", id).query(CaseRows::head).optional();
    }

    List<CaseFile.Participant> participants(String caseId) {
        return jdbc.sql("SELECT * FROM cases_participant WHERE case_id = :id ORDER BY added_at, organisation_id")
                .param("id", caseId).query((rs, n) -> new CaseFile.Participant(rs.getString("organisation_id"),
                        rs.getString("added_by"), instant(rs, "added_at"))).list();
    }

    /** The case if the reader's organisation participates and the marking lets the reader see it. */
    Optional<Seen> seen(Reader reader, String caseId) {
        return head(caseId).flatMap(h -> {
            List<CaseFile.Participant> ps = participants(h.id());
            if (ps.stream().noneMatch(p -> p.organisationId().equals(reader.organisationId()))) {
                return Optional.empty();
            }
            Marking marking = markings.find(h.markingId()).orElseThrow();
            return AccessPolicy.decide(reader, OBJECT, marking).visible()
                    ? Optional.of(new Seen(h, marking, ps)) : Optional.empty();
        });
    }

    Seen reload(String caseId) {
        Head h = head(caseId).orElseThrow();
        return new Seen(h, markings.find(h.markingId()).orElseThrow(), participants(caseId));
    }

    /** The marking in force: the author's, with every participating organisation in its releasability. */
    static Marking inForce(Marking base, Set<String> participants) {
        return base.releasedTo(participants);
    }

    boolean userSees(String userId, Marking marking) {
        try {
            return AccessPolicy.decide(readers.forUser(userId, "case"), OBJECT, marking).visible();
        } catch (RuntimeException gone) {
            return false;
        }
    }

    boolean holds(Reader reader, Role role) {
        return colleagues.holds(reader, role);
    }

    boolean leadSupervisor(Reader reader, Head h) {
        return h.leadOrganisationId().equals(reader.organisationId()) && holds(reader, Role.SUPERVISOR);
    }

    // ---------------------------------------------------------------------------------------------- timeline

    void event(String caseId, String kind, String actorUserId, String actorOrganisationId, ItemRef item,
               String taskId, String from, String to, String text) {
        jdbc.sql("""
                INSERT INTO cases_timeline (case_id, kind, actor_user_id, actor_organisation_id, at, item_type,
                    item_id, task_id, from_value, to_value, text)
                VALUES (:case, :kind, :user, :org, :at, :itype, :iid, :task, :from, :to, :text)""")
                .param("case", caseId).param("kind", kind).param("user", actorUserId)
                .param("org", actorOrganisationId).param("at", Timestamp.from(now()))
                .param("itype", item == null ? null : item.itemType().name()).param("iid", item == null ? null : item.itemId())
                .param("task", taskId).param("from", from).param("to", to).param("text", text).update();
    }

    void event(Reader actor, String caseId, String kind, ItemRef item, String taskId, String from, String to,
               String text) {
        event(caseId, kind, actor.userId(), actor.organisationId(), item, taskId, from, to, text);
    }

    void touch(String caseId) {
        jdbc.sql("UPDATE cases_case SET updated_at = :now WHERE id = :id").param("now", Timestamp.from(now()))
                .param("id", caseId).update();
    }

    // ---------------------------------------------------------------------------------------------- audit, notices

    void audit(Reader reader, AuditAction action, String caseId, String step, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("step", step);
        audit.record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT, List.of(caseId))
                .withPurpose(reader.purpose()).withDetails(all));
    }

    void record(AuditRecord record) {
        audit.record(record);
    }

    /** A notice to one user, only if the case's marking lets them read it. */
    void tell(String userId, Seen s, String kind, String itemId, String summary, Severity severity) {
        if (userId == null || !userSees(userId, s.marking())) {
            return;
        }
        Head h = s.head();
        notices.tell(userId, new Notices.Notice(h.id(), h.title(), kind, itemId, h.leadOrganisationId(), h.title(),
                summary, severity, "/cases/" + h.id()));
    }

    // ---------------------------------------------------------------------------------------------- values

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
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

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getString("id"), rs.getString("title"), rs.getString("summary"),
                CaseKind.valueOf(rs.getString("kind")), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("language"), rs.getString("lead_organisation_id"),
                rs.getString("created_by"), rs.getString("base_marking_id"), rs.getString("marking_id"),
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
