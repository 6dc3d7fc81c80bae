package org.fusioncell.safeguards.redress.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.safeguards.redress.Redress;
import org.fusioncell.safeguards.redress.RedressFiling;
import org.fusioncell.safeguards.redress.RedressLetter;
import org.fusioncell.safeguards.redress.RedressRequest;
import org.fusioncell.safeguards.redress.RedressStep;
import org.fusioncell.screening.PersonHit;
import org.fusioncell.screening.PersonHits;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redress requests in {@code redress_request}, their linked hits and notes; each step with its audit record in
 * one transaction. A request is read only by the redress officers of the organisation that filed it. The
 * person's particulars never go into an audit record.
 */
@Service
class JdbcRedress implements Redress {

    private static final String COLUMNS = """
            id, organisation_id, filed_by, filed_at, person, language, representative, contact, statement, state,
            assigned_to, outcome, outcome_reason, decided_by, decided_at""";
    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Colleagues colleagues;
    private final PersonHits personHits;
    private final RedressLetters letters;
    private final Role officerRole;

    JdbcRedress(JdbcClient jdbc, AuditLog audit, Clock clock, Colleagues colleagues, PersonHits personHits,
                RedressLetters letters,
                @Value("${fusioncell.safeguards.redress.officer-role:DATA_PROTECTION_OFFICER}") Role officerRole) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.colleagues = colleagues;
        this.personHits = personHits;
        this.letters = letters;
        this.officerRole = officerRole;
    }

    @Override
    public boolean officer(Reader reader) {
        return colleagues.holds(reader, officerRole);
    }

    @Override
    public List<String> officers(Reader reader) {
        return colleagues.members(reader.organisationId(), officerRole);
    }

    private AuditRecord record(AuditAction action, Reader officer, List<String> ids) {
        return AuditRecord.of(action, officer.userId(), officer.organisationId(), INFORMATION_TYPE, ids)
                .withPurpose(officer.purpose());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    @Transactional
    public RedressRequest file(Reader officer, RedressFiling filing) {
        String json = RedressRows.checked(filing);
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO redress_request (id, organisation_id, filed_by, filed_at, person, language, representative,
                    contact, statement, state)
                VALUES (:id, :org, :by, :now, :person, :language, :representative, :contact, :statement, 'FILED')""")
                .param("id", id).param("org", officer.organisationId()).param("by", officer.userId())
                .param("now", Timestamp.from(now())).param("person", json).param("language", filing.language())
                .param("representative", RedressRows.blankToNull(filing.representative()))
                .param("contact", filing.contact().strip())
                .param("statement", RedressRows.blankToNull(filing.statement())).update();
        audit.record(record(AuditAction.COLLECTION, officer, List.of(id)).withOutcome("FILED")
                .withDetails(Map.of("language", filing.language(),
                        "representative", String.valueOf(filing.representative() != null
                                && !filing.representative().isBlank()))));
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public List<RedressRequest> list(Reader officer) {
        List<RedressRequest> all = jdbc.sql("SELECT " + COLUMNS + " FROM redress_request WHERE organisation_id = :org"
                        + " ORDER BY filed_at DESC, id DESC").param("org", officer.organisationId())
                .query(this::row).list();
        audit.record(record(AuditAction.CONSULTATION, officer, all.stream().map(RedressRequest::id).toList())
                .withDetails(Map.of("view", "redress requests")));
        return all;
    }

    @Override
    @Transactional
    public Optional<RedressRequest> open(Reader officer, String id) {
        Optional<RedressRequest> r = own(officer, id);
        r.ifPresent(x -> audit.record(record(AuditAction.CONSULTATION, officer, List.of(id))
                .withDetails(Map.of("view", "redress request"))));
        return r;
    }

    private Optional<RedressRequest> own(Reader officer, String id) {
        return find(id).filter(r -> r.organisationId().equals(officer.organisationId()));
    }

    @Override
    @Transactional
    public List<PersonHit> candidates(Reader officer, String id) {
        return own(officer, id).map(r -> personHits.about(officer, r.person().query())).orElse(List.of());
    }

    @Override
    @Transactional
    public List<PersonHit> linked(Reader officer, String id) {
        return own(officer, id).map(r -> personHits.hits(officer, r.hitIds())).orElse(List.of());
    }

    @Override
    @Transactional
    public RedressStep link(Reader officer, String id, List<String> hitIds) {
        Optional<RedressRequest> found = locked(officer, id);
        if (found.isEmpty()) {
            return new RedressStep.Unknown();
        }
        if (found.get().decided()) {
            return new RedressStep.AlreadyDecided(found.get());
        }
        List<PersonHit> visible = personHits.hits(officer, hitIds);
        if (visible.size() != hitIds.stream().distinct().count()) {
            return new RedressStep.Unknown();
        }
        Timestamp now = Timestamp.from(now());
        for (PersonHit h : visible) {
            if (!found.get().hitIds().contains(h.hitId())) {
                jdbc.sql("INSERT INTO redress_hit (request_id, hit_id, linked_by, linked_at) VALUES (:r, :h, :by, :now)")
                        .param("r", id).param("h", h.hitId()).param("by", officer.userId()).param("now", now).update();
            }
        }
        underReview(id);
        List<String> ids = new java.util.ArrayList<>(List.of(id));
        visible.forEach(h -> ids.add(h.hitId()));
        audit.record(record(AuditAction.ALTERATION, officer, ids).withOutcome("HITS_LINKED")
                .withDetails(Map.of("hits", String.valueOf(visible.size()))));
        return new RedressStep.Done(find(id).orElseThrow());
    }

    private void underReview(String id) {
        jdbc.sql("UPDATE redress_request SET state = 'UNDER_REVIEW' WHERE id = :id AND state = 'FILED'").param("id", id)
                .update();
    }

    private Optional<RedressRequest> locked(Reader officer, String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        jdbc.sql("SELECT id FROM redress_request WHERE id = :id FOR UPDATE").param("id", id).query(String.class).optional();
        return own(officer, id);
    }

    @Override
    @Transactional
    public RedressStep assign(Reader officer, String id, String userId) {
        Optional<RedressRequest> found = locked(officer, id);
        if (found.isEmpty()) {
            return new RedressStep.Unknown();
        }
        if (found.get().decided()) {
            return new RedressStep.AlreadyDecided(found.get());
        }
        if (!officers(officer).contains(userId)) {
            throw new InvalidInputException("assignee", "not a redress officer of this organisation");
        }
        jdbc.sql("UPDATE redress_request SET assigned_to = :u WHERE id = :id").param("u", userId).param("id", id).update();
        underReview(id);
        audit.record(record(AuditAction.ALTERATION, officer, List.of(id)).withOutcome("ASSIGNED")
                .withDetails(Map.of("assignee", userId)));
        return new RedressStep.Done(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public RedressStep note(Reader officer, String id, String text) {
        String note = RedressRows.text("text", text, true);
        Optional<RedressRequest> found = locked(officer, id);
        if (found.isEmpty()) {
            return new RedressStep.Unknown();
        }
        if (found.get().decided()) {
            return new RedressStep.AlreadyDecided(found.get());
        }
        jdbc.sql("INSERT INTO redress_note (id, request_id, written_by, written_at, text) VALUES (:id, :r, :by, :now, :t)")
                .param("id", Ids.newId()).param("r", id).param("by", officer.userId())
                .param("now", Timestamp.from(now())).param("t", note).update();
        underReview(id);
        audit.record(record(AuditAction.ALTERATION, officer, List.of(id)).withOutcome("NOTE_WRITTEN"));
        return new RedressStep.Done(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public RedressStep decide(Reader officer, String id, RedressRequest.Outcome outcome, String reason) {
        String why = RedressRows.text("reason", reason, true);
        Optional<RedressRequest> found = locked(officer, id);
        if (found.isEmpty()) {
            return new RedressStep.Unknown();
        }
        RedressRequest r = found.get();
        AuditRecord base = record(AuditAction.ALTERATION, officer, List.of(id)).withJustification(why);
        if (r.decided()) {
            audit.record(base.withOutcome("ALREADY_DECIDED"));
            return new RedressStep.AlreadyDecided(r);
        }
        if (outcome == RedressRequest.Outcome.UPHELD && r.hitIds().isEmpty()) {
            audit.record(base.withOutcome("REFUSED_NO_HIT_LINKED"));
            return new RedressStep.NoHitLinked(r);
        }
        int cleared = outcome == RedressRequest.Outcome.UPHELD ? personHits.clear(officer, id, r.hitIds()) : 0;
        jdbc.sql("""
                UPDATE redress_request SET state = 'DECIDED', outcome = :o, outcome_reason = :why, decided_by = :by,
                    decided_at = :now WHERE id = :id""")
                .param("o", outcome.name()).param("why", why).param("by", officer.userId())
                .param("now", Timestamp.from(now())).param("id", id).update();
        audit.record(base.withOutcome(outcome.name()).withDetails(Map.of("cleared", String.valueOf(cleared),
                "hits", String.valueOf(r.hitIds().size()))));
        return new RedressStep.Done(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public Optional<RedressLetter> letter(Reader officer, String id) {
        Optional<RedressRequest> r = own(officer, id).filter(RedressRequest::decided);
        r.ifPresent(x -> audit.record(record(AuditAction.DISCLOSURE, officer, List.of(id))
                .withDetails(Map.of("view", "redress reply letter", "language", x.language()))));
        return r.map(letters::letter);
    }

    /** Requests of the period, for the oversight section: filed and decided ones. */
    List<RedressRequest> between(Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM redress_request"
                        + " WHERE (filed_at >= :f AND filed_at < :t) OR (decided_at >= :f AND decided_at < :t)")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(this::row).list();
    }

    private Optional<RedressRequest> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM redress_request WHERE id = :id").param("id", id)
                .query(this::row).optional();
    }

    private RedressRequest row(ResultSet rs, int n) throws SQLException {
        String id = rs.getString(1);
        List<String> hits = jdbc.sql("SELECT hit_id FROM redress_hit WHERE request_id = :r ORDER BY linked_at, hit_id")
                .param("r", id).query(String.class).list();
        List<RedressRequest.Note> notes = jdbc.sql("""
                        SELECT written_by, written_at, text FROM redress_note WHERE request_id = :r ORDER BY written_at, id""")
                .param("r", id).query((x, i) -> new RedressRequest.Note(x.getString(1), x.getTimestamp(2).toInstant(),
                        x.getString(3))).list();
        String outcome = rs.getString(12);
        Timestamp decided = rs.getTimestamp(15);
        return new RedressRequest(id, rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                RedressRows.person(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), RedressRequest.State.valueOf(rs.getString(10)), rs.getString(11),
                outcome == null ? null : RedressRequest.Outcome.valueOf(outcome), rs.getString(13), rs.getString(14),
                decided == null ? null : decided.toInstant(), hits, notes);
    }
}
