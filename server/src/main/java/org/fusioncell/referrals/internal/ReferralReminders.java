package org.fusioncell.referrals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders of referrals the platform has not answered: each referral referred or acknowledged, and not reminded,
 * for longer than {@code fusioncell.referrals.remind-after} is claimed in the database (a conditional update) before
 * anybody is told, in a transaction of its own, so that several nodes or runs remind once per period. Told: the
 * platform's platform-partner users and the referring analyst (if they may still see the content).
 */
@Component
class ReferralReminders {

    static final String ACTOR = "processing:referral-reminder";

    private final ReferralRows rows;
    private final JdbcClient jdbc;
    private final ReferralsSettings settings;
    private final TransactionTemplate transaction;

    ReferralReminders(ReferralRows rows, ReferralsSettings settings, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.jdbc = rows.jdbc;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    int remind(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(settings.remindAfter()));
        List<String> due = jdbc.sql("""
                SELECT id FROM referrals_referral WHERE state IN ('REFERRED', 'ACKNOWLEDGED')
                    AND COALESCE(reminded_at, referred_at) < :cutoff ORDER BY referred_at, id LIMIT 200""")
                .param("cutoff", cutoff).query(String.class).list();
        int reminded = 0;
        for (String id : due) {
            Boolean done = transaction.execute(status -> {
                // the claim: of two nodes (or two runs) only one moves the row, and only that one tells anybody
                int claimed = jdbc.sql("""
                        UPDATE referrals_referral SET reminded_at = :now, reminders = reminders + 1
                        WHERE id = :id AND state IN ('REFERRED', 'ACKNOWLEDGED')
                            AND COALESCE(reminded_at, referred_at) < :cutoff""")
                        .param("now", Timestamp.from(now)).param("id", id).param("cutoff", cutoff).update();
                if (claimed == 0) {
                    return false;
                }
                ReferralRows.ReferralRow r = rows.referralRow(id).orElseThrow();
                ReferralRows.ContentRow c = rows.contentRow(r.contentId()).orElseThrow();
                String kind = "referral-reminder-" + r.reminders();
                String since = "Awaiting action since " + r.referredAt() + " (" + r.state() + ")";
                int told = rows.tellPlatform(r, kind, since, c.url());
                told += rows.tellCell(r, List.of(r.referredBy()), c.markingId(), kind, since, c.url());
                rows.step(id, "REMINDED", String.valueOf(r.reminders()), ACTOR, r.owner(), now);
                rows.record(AuditRecord.of(AuditAction.DISCLOSURE, ACTOR, r.owner(), ReferralRows.REFERRAL_OBJECT,
                        List.of(id)).withDetails(Map.of("step", "remind", "reminder", String.valueOf(r.reminders()),
                        "told", String.valueOf(told))));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                reminded++;
            }
        }
        return reminded;
    }
}
