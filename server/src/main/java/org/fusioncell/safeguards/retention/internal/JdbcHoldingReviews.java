package org.fusioncell.safeguards.retention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.intake.Reports;
import org.fusioncell.safeguards.retention.HoldingReview;
import org.fusioncell.safeguards.retention.HoldingReviews;
import org.fusioncell.safeguards.retention.LegalHold;
import org.fusioncell.safeguards.retention.LegalHolds;
import org.fusioncell.safeguards.retention.RetentionRule;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link HoldingReviews}: the holder's supervisors decide on their organisation's open reviews; the officer sees
 * the overdue ones of everybody. Titles only where the reader's own access allows ({@link ItemTitles}).
 */
@Service
class JdbcHoldingReviews implements HoldingReviews {

    static final String OBJECT = "holding-review";
    private static final String OPEN = "SELECT * FROM retention_review WHERE outcome IS NULL";

    private final JdbcClient jdbc;
    private final ReviewSweep sweep;
    private final ConfiguredRegister register;
    private final RetentionSettings settings;
    private final LegalHolds holds;
    private final Reports reports;
    private final ErasureRecords erasures;
    private final ItemTitles titles;
    private final Officers officers;
    private final AuditLog audit;
    private final Clock clock;

    JdbcHoldingReviews(JdbcClient jdbc, ReviewSweep sweep, ConfiguredRegister register, RetentionSettings settings,
                       LegalHolds holds, Reports reports, ErasureRecords erasures, ItemTitles titles,
                       Officers officers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.sweep = sweep;
        this.register = register;
        this.settings = settings;
        this.holds = holds;
        this.reports = reports;
        this.erasures = erasures;
        this.titles = titles;
        this.officers = officers;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int sweep(Instant now) {
        return sweep.sweep(now);
    }

    @Override
    @Transactional
    public List<HoldingReview> open(Reader supervisor) {
        if (!officers.isSupervisor(supervisor)) {
            return List.of();
        }
        return shown(supervisor, jdbc.sql(OPEN + " AND organisation_id = :org ORDER BY due_on, id LIMIT 500")
                .param("org", supervisor.organisationId()).query(this::row).list());
    }

    @Override
    @Transactional
    public List<HoldingReview> overdue(Reader officer) {
        officers.requireOfficer(officer);
        return shown(officer, jdbc.sql(OPEN + " AND due_on < :limit ORDER BY due_on, id LIMIT 500")
                .param("limit", overdueBefore()).query(this::row).list());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private LocalDate overdueBefore() {
        return today().minus(settings.reviewGrace());
    }

    /** Adds the titles the reader may see; audits the listing with the ids shown. */
    private List<HoldingReview> shown(Reader reader, List<HoldingReview> rows) {
        List<HoldingReview> out = rows.stream().map(r -> new HoldingReview(r.id(), r.itemType(), r.itemId(),
                r.organisationId(), r.cycle(), r.dueOn(), r.overdue(),
                titles.titleFor(reader, r.itemType(), r.itemId()).orElse(null), r.outcome(), r.decidedBy(),
                r.decidedAt(), r.reason(), r.nextDueOn())).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(), OBJECT,
                out.stream().map(HoldingReview::id).toList()).withPurpose(reader.purpose())
                .withDetails(Map.of("titlesShown", String.valueOf(out.stream().filter(r -> r.title() != null).count()))));
        return out;
    }

    @Override
    @Transactional
    public Outcome confirm(Reader supervisor, String reviewId, LocalDate nextReview, String reason) {
        String why = Officers.text("reason", reason, 1000, true);
        LocalDate today = today();
        Period period = register.rule(Reports.INFORMATION_TYPE).map(RetentionRule::reviewPeriod)
                .orElse(Period.ofYears(3));
        LocalDate next = nextReview == null ? today.plus(period) : nextReview;
        if (!next.isAfter(today)) {
            throw new InvalidInputException("nextReview", "a date after today");
        }
        if (next.isAfter(today.plus(period))) {
            throw new InvalidInputException("nextReview", "at most one review period (" + period + ") ahead");
        }
        Optional<HoldingReview> r = decidable(supervisor, reviewId);
        Outcome refusal = refusal(supervisor, r);
        if (refusal != null) {
            return refused(supervisor, reviewId, "confirm", refusal);
        }
        jdbc.sql("UPDATE retention_review SET outcome = 'CONFIRMED', decided_by = :by, decided_at = :at, reason = :r,"
                        + " next_due_on = :next WHERE id = :id AND outcome IS NULL").param("by", supervisor.userId())
                .param("at", Timestamp.from(Instant.now(clock))).param("r", why).param("next", next)
                .param("id", reviewId).update();
        audit.record(AuditRecord.of(AuditAction.ALTERATION, supervisor.userId(), supervisor.organisationId(), OBJECT,
                List.of(reviewId, r.get().itemId())).withPurpose(supervisor.purpose())
                .withDetails(Map.of("step", "confirm", "reason", why, "nextReview", next.toString())));
        return Outcome.CONFIRMED;
    }

    @Override
    @Transactional
    public Outcome delete(Reader supervisor, String reviewId, String reason) {
        String why = Officers.text("reason", reason, 1000, true);
        Optional<HoldingReview> r = decidable(supervisor, reviewId);
        Outcome refusal = refusal(supervisor, r);
        if (refusal == null) {
            Optional<LegalHold> hold = holds.activeOn(r.get().itemType(), r.get().itemId(), today());
            refusal = hold.isPresent() ? Outcome.UNDER_HOLD : null;
        }
        if (refusal != null) {
            return refused(supervisor, reviewId, "delete", refusal);
        }
        jdbc.sql("UPDATE retention_review SET outcome = 'DELETED', decided_by = :by, decided_at = :at, reason = :r"
                        + " WHERE id = :id AND outcome IS NULL").param("by", supervisor.userId())
                .param("at", Timestamp.from(Instant.now(clock))).param("r", why).param("id", reviewId).update();
        String itemId = r.get().itemId();
        if (reports.erase(supervisor, itemId, "review of holdings: " + why)) {
            erasures.record(Reports.INFORMATION_TYPE, itemId, supervisor.organisationId(), ErasureRecords.Cause.REVIEW,
                    null, supervisor.userId());
        }
        return Outcome.DELETED;
    }

    private Optional<HoldingReview> decidable(Reader reader, String reviewId) {
        if (!Ids.isWellFormed(reviewId)) {
            return Optional.empty();
        }
        return jdbc.sql(OPEN + " AND id = :id AND organisation_id = :org FOR UPDATE").param("id", reviewId)
                .param("org", reader.organisationId()).query(this::row).optional();
    }

    private Outcome refusal(Reader reader, Optional<HoldingReview> review) {
        if (review.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        return officers.isSupervisor(reader) ? null : Outcome.NOT_A_SUPERVISOR;
    }

    private Outcome refused(Reader reader, String reviewId, String step, Outcome outcome) {
        audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, reader.userId(), reader.organisationId(), OBJECT,
                Ids.isWellFormed(reviewId) ? List.of(reviewId) : List.of()).withPurpose(reader.purpose())
                .withOutcome(outcome.name()).withDetails(Map.of("step", step)));
        return outcome;
    }

    private HoldingReview row(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getDate("due_on").toLocalDate();
        Timestamp decided = rs.getTimestamp("decided_at");
        java.sql.Date next = rs.getDate("next_due_on");
        String outcome = rs.getString("outcome");
        return new HoldingReview(rs.getString("id"), rs.getString("item_type"), rs.getString("item_id"),
                rs.getString("organisation_id"), rs.getInt("cycle"), due,
                outcome == null && due.isBefore(overdueBefore()), null, outcome, rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("reason"),
                next == null ? null : next.toLocalDate());
    }
}
