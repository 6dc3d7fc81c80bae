package org.fusioncell.safeguards.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.intake.ReportHolding;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.safeguards.retention.RetentionRule;
import org.fusioncell.shared.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens review cycles that have come due and tells the holders. A report's first review is due at its reporting
 * date plus the register's review period, each later one at the date its holder set when confirming. A cycle is
 * one row (unique per item and cycle, so two nodes open it once); the holder's supervisors are told after the
 * row is claimed ({@code notified_at}), in the claim's transaction, so once per item and cycle. A review that
 * would fall after the retention date is not opened: the purge comes first.
 */
@Component
class ReviewSweep {

    static final String ACTOR = "processing:holding-review";
    static final String LINK = "/safeguards/retention/reviews";

    private record Latest(int cycle, String outcome, LocalDate nextDueOn) {
    }

    private final JdbcClient jdbc;
    private final Reports reports;
    private final ConfiguredRegister register;
    private final Colleagues colleagues;
    private final Notices notices;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReviewSweep(JdbcClient jdbc, Reports reports, ConfiguredRegister register, Colleagues colleagues, Notices notices,
                AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.register = register;
        this.colleagues = colleagues;
        this.notices = notices;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    int sweep(Instant now) {
        Period period = register.rule(Reports.INFORMATION_TYPE).map(RetentionRule::reviewPeriod).orElse(null);
        if (period == null) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int opened = 0;
        String after = null;
        List<ReportHolding> page;
        do {
            page = reports.holdings(after, 500);
            Map<String, Latest> latest = latest(page.stream().map(ReportHolding::reportId).toList());
            for (ReportHolding h : page) {
                if (open(h, latest.get(h.reportId()), period, today, now)) {
                    opened++;
                }
            }
            after = page.isEmpty() ? after : page.getLast().reportId();
        } while (page.size() == 500);
        notifyOpen(now);
        return opened;
    }

    private Map<String, Latest> latest(List<String> ids) {
        Map<String, Latest> latest = new HashMap<>();
        if (ids.isEmpty()) {
            return latest;
        }
        jdbc.sql("SELECT item_id, cycle, outcome, next_due_on FROM retention_review WHERE item_type = 'report'"
                + " AND item_id IN (:ids)").param("ids", ids).query(rs -> {
            java.sql.Date next = rs.getDate("next_due_on");
            Latest l = new Latest(rs.getInt("cycle"), rs.getString("outcome"), next == null ? null : next.toLocalDate());
            latest.merge(rs.getString("item_id"), l, (a, b) -> a.cycle() >= b.cycle() ? a : b);
        });
        return latest;
    }

    private boolean open(ReportHolding h, Latest last, Period period, LocalDate today, Instant now) {
        LocalDate due;
        int cycle;
        if (last == null) {
            due = LocalDate.ofInstant(h.reportedAt(), ZoneOffset.UTC).plus(period);
            cycle = 1;
        } else if ("CONFIRMED".equals(last.outcome()) && last.nextDueOn() != null) {
            due = last.nextDueOn();
            cycle = last.cycle() + 1;
        } else {
            return false;
        }
        if (due.isAfter(today) || (h.retentionUntil() != null && h.retentionUntil().isBefore(due))) {
            return false;
        }
        try {
            transaction.executeWithoutResult(s -> jdbc.sql("""
                    INSERT INTO retention_review (id, item_type, item_id, organisation_id, cycle, due_on, created_at)
                    VALUES (:id, 'report', :item, :org, :cycle, :due, :now)""").param("id", Ids.newId())
                    .param("item", h.reportId()).param("org", h.organisationId()).param("cycle", cycle)
                    .param("due", due).param("now", Timestamp.from(now)).update());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void notifyOpen(Instant now) {
        List<String> pending = jdbc.sql("SELECT id FROM retention_review WHERE outcome IS NULL AND notified_at IS NULL"
                + " ORDER BY due_on, id LIMIT 5000").query(String.class).list();
        for (String reviewId : pending) {
            transaction.executeWithoutResult(s -> {
                int claimed = jdbc.sql("UPDATE retention_review SET notified_at = :now WHERE id = :id"
                                + " AND notified_at IS NULL AND outcome IS NULL")
                        .param("now", Timestamp.from(now)).param("id", reviewId).update();
                if (claimed == 0) {
                    return;
                }
                String[] r = jdbc.sql("SELECT item_id, organisation_id, due_on FROM retention_review WHERE id = :id")
                        .param("id", reviewId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                                rs.getDate(3).toLocalDate().toString()}).single();
                String item = r[0];
                String org = r[1];
                String due = r[2];
                List<String> told = colleagues.members(org, Role.SUPERVISOR);
                // the notice names no title: a supervisor the report's marking withholds it from learns only that
                // their organisation holds a report due for review, which the review page then shows by id
                for (String user : told) {
                    notices.tell(user, new Notices.Notice("retention-review", "Review of holdings",
                            "holding-review-due", reviewId, org, "A report held by your organisation is due for review",
                            "Review date " + due + ": confirm that it is still needed, or delete it.",
                            Severity.MEDIUM, LINK));
                }
                audit.record(AuditRecord.of(AuditAction.DISCLOSURE, ACTOR, org, Reports.INFORMATION_TYPE, List.of(item))
                        .withPurpose("review of holdings").withDetails(Map.of("review", reviewId,
                                "told", String.valueOf(told.size()))));
            });
        }
    }
}
