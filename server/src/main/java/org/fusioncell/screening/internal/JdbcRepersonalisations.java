package org.fusioncell.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.screening.RepersonalisationRequest;
import org.fusioncell.screening.RepersonalisationStep;
import org.fusioncell.screening.Repersonalisations;
import org.fusioncell.screening.Repersonalised;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-personalisation requests, decisions and views, each with its audit record in the same transaction. */
@Service
class JdbcRepersonalisations implements Repersonalisations {

    private static final String COLUMNS = """
            id, run_id, subject_id, requested_by, organisation_id, reason, requested_at, state, decided_by, decided_at,
            decision_reason, expires_at""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final RunReads reads;
    private final SealedSubjects sealed;
    private final Colleagues colleagues;
    private final Role authorityRole;
    private final Duration window;

    JdbcRepersonalisations(JdbcClient jdbc, AuditLog audit, Clock clock, RunReads reads, SealedSubjects sealed,
                           Colleagues colleagues,
                           @Value("${fusioncell.screening.repersonalisation-authority:DATA_PROTECTION_OFFICER}") Role role,
                           @Value("${fusioncell.screening.repersonalisation-window:PT24H}") Duration window) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.reads = reads;
        this.sealed = sealed;
        this.colleagues = colleagues;
        this.authorityRole = role;
        this.window = window;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > HitReviews.MAX_REASON) {
            throw new InvalidInputException("reason", "required, at most " + HitReviews.MAX_REASON + " characters");
        }
        return why;
    }

    private AuditRecord record(AuditAction action, Reader reader, List<String> ids) {
        return AuditRecord.of(action, reader.userId(), reader.organisationId(), Screening.INFORMATION_TYPE, ids)
                .withPurpose(reader.purpose());
    }

    @Override
    @Transactional
    public RepersonalisationStep request(Reader requester, String runId, @Nullable String subjectId, String reason) {
        String why = reason(reason);
        if (!(reads.open(requester, runId, "re-personalisation request", run -> run)
                instanceof ScreeningAccess.Granted<?>)) {
            return new RepersonalisationStep.Unknown();
        }
        if (subjectId != null && jdbc.sql("SELECT COUNT(*) FROM screening_subject WHERE id = :s AND run_id = :r")
                .param("s", subjectId).param("r", runId).query(Long.class).single() == 0) {
            return new RepersonalisationStep.Unknown();
        }
        long sealedCount = jdbc.sql("SELECT COUNT(*) FROM screening_sealed_subject WHERE run_id = :r"
                        + (subjectId == null ? "" : " AND subject_id = :s"))
                .params(subjectId == null ? Map.of("r", runId) : Map.of("r", runId, "s", subjectId))
                .query(Long.class).single();
        if (sealedCount == 0) {
            return new RepersonalisationStep.NotDepersonalised();
        }
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO screening_repersonalisation (id, run_id, subject_id, requested_by, organisation_id, reason,
                    requested_at, state)
                VALUES (:id, :run, :subject, :by, :org, :why, :now, 'PENDING')""")
                .param("id", id).param("run", runId).param("subject", subjectId).param("by", requester.userId())
                .param("org", requester.organisationId()).param("why", why).param("now", Timestamp.from(now())).update();
        audit.record(record(AuditAction.ALTERATION, requester, List.of(id, runId)).withJustification(why)
                .withOutcome("REPERSONALISATION_REQUESTED").withDetails(details(id, runId, subjectId)));
        return new RepersonalisationStep.Requested(find(id).orElseThrow());
    }

    private static Map<String, String> details(String requestId, String runId, @Nullable String subjectId) {
        Map<String, String> d = new HashMap<>(Map.of("request", requestId, "run", runId));
        if (subjectId != null) {
            d.put("subject", subjectId);
        }
        return d;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public boolean authority(Reader reader) {
        return colleagues.holds(reader, authorityRole);
    }

    @Override
    @Transactional
    public RepersonalisationStep decide(Reader authority, String requestId, boolean approve, String reason) {
        String why = reason(reason);
        if (!Ids.isWellFormed(requestId)) {
            return new RepersonalisationStep.Unknown();
        }
        jdbc.sql("SELECT id FROM screening_repersonalisation WHERE id = :id FOR UPDATE").param("id", requestId)
                .query(String.class).optional();
        Optional<RepersonalisationRequest> found = find(requestId);
        if (found.isEmpty()) {
            return new RepersonalisationStep.Unknown();
        }
        RepersonalisationRequest r = found.get();
        if (!r.organisationId().equals(authority.organisationId())) {
            return new RepersonalisationStep.Unknown(); // another organisation's request: its own authority decides
        }
        AuditRecord base = record(AuditAction.ALTERATION, authority, List.of(requestId, r.runId())).withJustification(why)
                .withDetails(details(requestId, r.runId(), r.subjectId()));
        if (!authority(authority)) {
            audit.record(base.withOutcome("REFUSED_NOT_AUTHORITY"));
            return new RepersonalisationStep.NotAuthority();
        }
        if (r.requestedBy().equals(authority.userId())) {
            audit.record(base.withOutcome("REFUSED_OWN_REQUEST"));
            return new RepersonalisationStep.OwnRequest(r);
        }
        if (r.state() != RepersonalisationRequest.State.PENDING) {
            audit.record(base.withOutcome("ALREADY_" + r.state().name()));
            return new RepersonalisationStep.AlreadyDecided(r);
        }
        Instant now = now();
        jdbc.sql("""
                UPDATE screening_repersonalisation SET state = :state, decided_by = :by, decided_at = :now,
                    decision_reason = :why, expires_at = :expires WHERE id = :id""")
                .param("state", approve ? "APPROVED" : "REFUSED").param("by", authority.userId())
                .param("now", Timestamp.from(now)).param("why", why)
                .param("expires", approve ? Timestamp.from(now.plus(window)) : null).param("id", requestId).update();
        audit.record(base.withOutcome(approve ? "REPERSONALISATION_APPROVED" : "REPERSONALISATION_REFUSED"));
        return new RepersonalisationStep.Decided(find(requestId).orElseThrow());
    }

    @Override
    @Transactional
    public List<RepersonalisationRequest> pending(Reader authority) {
        if (!authority(authority)) {
            return List.of();
        }
        return listed(authority, "state = 'PENDING' AND organisation_id = :who ORDER BY requested_at, id",
                authority.organisationId(), "re-personalisation queue");
    }

    @Override
    @Transactional
    public List<RepersonalisationRequest> mine(Reader requester) {
        return listed(requester, "requested_by = :who ORDER BY requested_at DESC, id DESC", requester.userId(),
                "own re-personalisation requests");
    }

    private List<RepersonalisationRequest> listed(Reader reader, String where, String who, String view) {
        List<RepersonalisationRequest> found = jdbc.sql("SELECT " + COLUMNS + " FROM screening_repersonalisation WHERE "
                + where).param("who", who).query(JdbcRepersonalisations::row).list();
        audit.record(record(AuditAction.CONSULTATION, reader, found.stream().map(RepersonalisationRequest::id).toList())
                .withDetails(Map.of("view", view)));
        return found;
    }

    @Override
    @Transactional
    public Repersonalised open(Reader requester, String requestId) {
        Optional<RepersonalisationRequest> found = Ids.isWellFormed(requestId) ? find(requestId) : Optional.empty();
        if (found.isEmpty() || !found.get().requestedBy().equals(requester.userId())) {
            return new Repersonalised.Unknown();
        }
        RepersonalisationRequest r = found.get();
        AuditRecord base = record(AuditAction.CONSULTATION, requester, List.of(requestId, r.runId()))
                .withJustification(r.reason()).withDetails(details(requestId, r.runId(), r.subjectId()));
        if (!r.open(now())) {
            audit.record(base.withOutcome("NOT_OPEN_" + r.state().name()));
            return new Repersonalised.NotOpen(r);
        }
        // the requester must still be allowed to see the run: an approval does not outlive a lost clearance
        if (!(reads.open(requester, r.runId(), "re-personalised subjects", run -> run) instanceof ScreeningAccess.Granted<?>)) {
            return new Repersonalised.Unknown();
        }
        List<ScreenedSubject> masked = jdbc.sql("SELECT " + SubjectRows.COLUMNS + " FROM screening_subject s WHERE s.run_id = :r"
                        + (r.subjectId() == null ? "" : " AND s.id = :s") + " ORDER BY s.ordinal, s.id")
                .params(r.subjectId() == null ? Map.of("r", r.runId()) : Map.of("r", r.runId(), "s", r.subjectId()))
                .query((rs, n) -> SubjectRows.read(rs, 0)).list();
        List<ScreenedSubject> people = sealed.originals(masked);
        List<String> ids = new java.util.ArrayList<>(List.of(requestId, r.runId()));
        people.forEach(p -> ids.add(p.id()));
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, requester.userId(), requester.organisationId(),
                        Screening.INFORMATION_TYPE, ids).withPurpose(requester.purpose()).withJustification(r.reason())
                .withOutcome("REPERSONALISED").withDetails(details(requestId, r.runId(), r.subjectId())));
        return new Repersonalised.Granted(r, people);
    }

    @Override
    @Transactional
    public Optional<RepersonalisationRequest> find(Reader reader, String requestId) {
        Optional<RepersonalisationRequest> r = (Ids.isWellFormed(requestId) ? find(requestId)
                : Optional.<RepersonalisationRequest>empty())
                .filter(x -> x.requestedBy().equals(reader.userId())
                        || (x.organisationId().equals(reader.organisationId()) && authority(reader)));
        r.ifPresent(x -> audit.record(record(AuditAction.CONSULTATION, reader, List.of(x.id(), x.runId()))
                .withDetails(Map.of("view", "re-personalisation request"))));
        return r;
    }

    private Optional<RepersonalisationRequest> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screening_repersonalisation WHERE id = :id").param("id", id)
                .query(JdbcRepersonalisations::row).optional();
    }

    private static RepersonalisationRequest row(ResultSet rs, int n) throws SQLException {
        return new RepersonalisationRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                RepersonalisationRequest.State.valueOf(rs.getString(8)), rs.getString(9), instant(rs.getTimestamp(10)),
                rs.getString(11), instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
