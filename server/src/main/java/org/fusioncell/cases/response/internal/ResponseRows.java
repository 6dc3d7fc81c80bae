package org.fusioncell.cases.response.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseAccess;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.CaseKind;
import org.fusioncell.cases.CaseTimeline;
import org.fusioncell.cases.Cases;
import org.fusioncell.cases.response.Responses;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the response's steps share: the case as the reader may see it (through {@link Cases#find}, so the case's
 * marking and participation decide), the response row, checks on users and values, audit records and the clock.
 */
@Component
class ResponseRows {

    static final String OBJECT = Responses.INFORMATION_TYPE;
    static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
    static final int MAX_TEXT = 8000;

    final JdbcClient jdbc;
    final Cases cases;
    final CaseTimeline timeline;
    final Readers readers;
    final Colleagues colleagues;
    private final AuditLog audit;
    private final Clock clock;

    ResponseRows(JdbcClient jdbc, Cases cases, CaseTimeline timeline, Readers readers, Colleagues colleagues,
                 AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
        this.readers = readers;
        this.colleagues = colleagues;
        this.audit = audit;
        this.clock = clock;
    }

    /** The response row of a case. */
    record Head(String caseId, String templateCode, String place, Instant occurredAt, String attackType,
                String incidentId, int everyMinutes, int nextNumber, String sitrepTaskId) {
    }

    /** A response case the reader may open. */
    record Seen(CaseFile file, Head head) {
    }

    Optional<Seen> seen(Reader reader, String caseId) {
        if (caseId == null || !Ids.isWellFormed(caseId)) {
            return Optional.empty();
        }
        if (!(cases.find(reader, caseId) instanceof CaseAccess.Opened o) || o.file().kind() != CaseKind.RESPONSE) {
            return Optional.empty();
        }
        return head(caseId).map(h -> new Seen(o.file(), h));
    }

    Optional<Head> head(String caseId) {
        return head(caseId, "");
    }

    /** The response row, locked until the transaction ends. */
    Head lockedHead(String caseId) {
        return head(caseId, " FOR UPDATE").orElseThrow();
    }

    private Optional<Head> head(String caseId, String lock) {
        return jdbc.sql("SELECT * FROM resp_case WHERE case_id = :id" + lock).param("id", caseId)
                .query((rs, n) -> new Head(rs.getString("case_id"), rs.getString("template_code"),
                        rs.getString("incident_place"), instant(rs, "incident_at"), rs.getString("attack_type"),
                        rs.getString("incident_id"), rs.getInt("sitrep_every_minutes"),
                        rs.getInt("next_sitrep_number"), rs.getString("sitrep_task_id"))).optional();
    }

    boolean leadSupervisor(Reader reader, CaseFile c) {
        return c.ledBy(reader.organisationId())
                && colleagues.holds(reader, Role.SUPERVISOR);
    }

    /**
     * The organisation of {@code userId} among the case's participants when the user is active there and the
     * case's marking lets them read it; otherwise the field is refused.
     */
    String participantOf(CaseFile c, String userId, String field) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException(field, "required: a user of a participating organisation");
        }
        String u = userId.strip();
        for (CaseFile.Participant p : c.participants()) {
            if (Ids.isWellFormed(u) && colleagues.members(p.organisationId(), null).contains(u)) {
                if (!AccessPolicy.decide(readers.forUser(u, "case"), Cases.INFORMATION_TYPE, c.marking()).visible()) {
                    throw new InvalidInputException(field, "the case's marking withholds it from this user");
                }
                return p.organisationId();
            }
        }
        throw new InvalidInputException(field, "not an active user of a participating organisation");
    }

    void audit(Reader reader, AuditAction action, String caseId, List<String> ids, String step,
               Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("case", caseId);
        all.put("step", step);
        audit.record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT,
                ids.isEmpty() ? List.of(caseId) : ids).withPurpose(reader.purpose()).withDetails(all));
    }

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
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return v;
    }

    static String language(String field, String value, String fallback) {
        String l = value == null || value.isBlank() ? fallback : value.strip().toLowerCase(Locale.ROOT);
        if (l == null || !LANGUAGES.contains(l)) {
            throw new InvalidInputException(field, "one of ar, fr, en");
        }
        return l;
    }

    /** An ISO-8601 instant (or date-time with offset); {@code null} when blank. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip()).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(field, "an ISO-8601 instant, e.g. 2026-11-23T09:30:00Z");
            }
        }
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
