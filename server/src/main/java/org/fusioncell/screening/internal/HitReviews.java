package org.fusioncell.screening.internal;

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
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.HitState;
import org.fusioncell.screening.Review;
import org.fusioncell.screening.ReviewOutcome;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningMatchConfirmed;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing a hit, each step a command with its audit record in one transaction. Four eyes is a
 * property of the confirm command, configured ({@code fusioncell.screening.confirmations-required}):
 * a confirmation counts once per reviewer and the hit becomes a confirmed match only when enough
 * distinct reviewers have confirmed it. A dismissal remembers the false positive for the organisation.
 */
@Component
class HitReviews {

    static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final HitGate gates;
    private final HitRows rows;
    private final ScreeningSettings settings;
    private final SealedSubjects sealed;

    HitReviews(JdbcClient jdbc, AuditLog audit, Clock clock, ApplicationEventPublisher events, HitGate gates,
               HitRows rows, ScreeningSettings settings, SealedSubjects sealed) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.gates = gates;
        this.rows = rows;
        this.settings = settings;
        this.sealed = sealed;
    }

    @Transactional
    ReviewOutcome review(Reader reviewer, String hitId, Review review, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "required, at most " + MAX_REASON + " characters");
        }
        if (!Ids.isWellFormed(hitId)) {
            return new ReviewOutcome.Unknown();
        }
        // the row lock makes two reviewers of one hit take turns: two confirmations cannot both be "the first"
        jdbc.sql("SELECT id FROM screening_hit WHERE id = :id FOR UPDATE").param("id", hitId).query(String.class)
                .optional();
        Optional<HitGate.Gate> gate = gates.gate(reviewer, hitId);
        AuditRecord base = AuditRecord.of(AuditAction.ALTERATION, reviewer.userId(), reviewer.organisationId(),
                Screening.INFORMATION_TYPE, List.of(hitId)).withPurpose(reviewer.purpose()).withJustification(why);
        if (gate.isEmpty() || !gate.get().decision().visible()) {
            if (gate.isPresent()) {
                audit.record(base.withOutcome("HIDDEN").withJustification(null)
                        .withDetails(Map.of("review", review.name(), "reason", gate.get().decision().reason())));
            }
            return new ReviewOutcome.Unknown();
        }
        HitRows.Row row = gate.get().row();
        Hit hit = current(hitId);
        if (row.state() == HitState.CONFIRMED || row.state() == HitState.DISMISSED) {
            audit.record(base.withOutcome("ALREADY_" + row.state().name()).withDetails(Map.of("review", review.name())));
            return new ReviewOutcome.AlreadyDecided(hit);
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return switch (review) {
            case CONFIRM -> confirm(reviewer, row, hit, why, now, base);
            case DISMISS -> {
                decide(row.id(), HitState.DISMISSED, reviewer, why, now);
                step(row.id(), "DISMISSED", reviewer.userId(), why, now);
                remember(reviewer, row, now);
                audit.record(base.withOutcome("DISMISSED").withDetails(Map.of("review", review.name())));
                yield new ReviewOutcome.Decided(current(hitId));
            }
            case ESCALATE -> {
                decide(row.id(), HitState.ESCALATED, reviewer, why, now);
                step(row.id(), "ESCALATED", reviewer.userId(), why, now);
                audit.record(base.withOutcome("ESCALATED").withDetails(Map.of("review", review.name())));
                yield new ReviewOutcome.Decided(current(hitId));
            }
        };
    }

    private ReviewOutcome confirm(Reader reviewer, HitRows.Row row, Hit hit, String why, Instant now, AuditRecord base) {
        List<String> proposers = jdbc.sql("""
                        SELECT user_id FROM screening_hit_decision WHERE hit_id = :id AND decision = 'CONFIRMATION_PROPOSED'""")
                .param("id", row.id()).query(String.class).list();
        if (proposers.contains(reviewer.userId())) {
            audit.record(base.withOutcome("REFUSED_SAME_REVIEWER").withDetails(Map.of("review", "CONFIRM")));
            return new ReviewOutcome.SameReviewer(hit);
        }
        int distinct = proposers.size() + 1;
        int needed = settings.confirmations();
        if (distinct < needed) {
            step(row.id(), "CONFIRMATION_PROPOSED", reviewer.userId(), why, now);
            jdbc.sql("UPDATE screening_hit SET proposed_by = :u, proposed_at = :at WHERE id = :id AND proposed_by IS NULL")
                    .param("u", reviewer.userId()).param("at", Timestamp.from(now)).param("id", row.id()).update();
            audit.record(base.withOutcome("CONFIRMATION_PROPOSED").withDetails(Map.of("review", "CONFIRM",
                    "confirmations", String.valueOf(distinct), "required", String.valueOf(needed))));
            return new ReviewOutcome.ConfirmationProposed(current(row.id()), needed - distinct);
        }
        decide(row.id(), HitState.CONFIRMED, reviewer, why, now);
        step(row.id(), "CONFIRMED", reviewer.userId(), why, now);
        audit.record(base.withOutcome("CONFIRMED").withDetails(Map.of("review", "CONFIRM",
                "confirmations", String.valueOf(distinct), "required", String.valueOf(needed))));
        events.publishEvent(new ScreeningMatchConfirmed(row.id(), row.runId(), row.subjectId(), row.organisationId(),
                row.listId(), row.listName(), row.entryReference()));
        return new ReviewOutcome.Decided(current(row.id()));
    }

    private void decide(String hitId, HitState state, Reader reviewer, String why, Instant now) {
        jdbc.sql("""
                UPDATE screening_hit SET state = :state, decided_by = :u, decided_at = :at, decision_reason = :why
                WHERE id = :id""")
                .param("state", state.name()).param("u", reviewer.userId()).param("at", Timestamp.from(now))
                .param("why", why).param("id", hitId).update();
    }

    private void step(String hitId, String decision, String userId, String why, Instant now) {
        jdbc.sql("""
                INSERT INTO screening_hit_decision (id, hit_id, decision, user_id, reason, decided_at)
                VALUES (:id, :hit, :decision, :u, :why, :at)""")
                .param("id", Ids.newId()).param("hit", hitId).param("decision", decision).param("u", userId)
                .param("why", why).param("at", Timestamp.from(now)).update();
    }

    /** The same person (names, date of birth, documents) and the same entry content: not flagged again. */
    private void remember(Reader reviewer, HitRows.Row row, Instant now) {
        // a depersonalised person is remembered by their sealed particulars, as they will be screened next time
        ScreenedSubject subject = sealed.original(jdbc.sql("SELECT " + SubjectRows.COLUMNS
                        + " FROM screening_subject s WHERE s.id = :id")
                .param("id", row.subjectId()).query((rs, n) -> SubjectRows.read(rs, 0)).single());
        String entryHash = jdbc.sql("SELECT content_hash FROM screening_watchlist_entry WHERE id = :id")
                .param("id", row.entryId()).query(String.class).single();
        jdbc.sql("""
                INSERT INTO screening_false_positive (id, organisation_id, watchlist_id, entry_reference, entry_hash,
                    subject_key, hit_id, created_by, created_at)
                VALUES (:id, :org, :list, :ref, :hash, :key, :hit, :by, :at) ON CONFLICT DO NOTHING""")
                .param("id", Ids.newId()).param("org", row.organisationId()).param("list", row.listId())
                .param("ref", row.entryReference()).param("hash", entryHash)
                .param("key", SubjectKey.of(subject.names(), subject.birthDate(), subject.documents()))
                .param("hit", row.id()).param("by", reviewer.userId()).param("at", Timestamp.from(now)).update();
    }

    private Hit current(String hitId) {
        return rows.hits(jdbc.sql(HitRows.SELECT + " WHERE h.id = :id").param("id", hitId).query(HitRows::row).list())
                .getFirst();
    }
}
