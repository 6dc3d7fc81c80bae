package org.fusioncell.referrals.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.referrals.AppealOutcome;
import org.fusioncell.referrals.InclusionCategory;
import org.fusioncell.referrals.Outcome;
import org.fusioncell.referrals.TransparencyReport;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The transparency report: the reader's organisation's referrals made in the period, counted by category, platform,
 * outcome and appeal outcome, with the median time to action. Only referrals whose content the reader may see are
 * counted (the same SQL filter as every list), so a figure never rests on an item hidden from its reader; a
 * supervisor cleared for everything the cell holds gets the whole figures. Audited as an export of aggregates.
 */
@Component
class Transparency {

    static final int MAX_DAYS = 3 * 366;

    private final ReferralRows rows;

    Transparency(ReferralRows rows) {
        this.rows = rows;
    }

    private record Line(String category, String platform, String outcome, String appellant, String appealOutcome,
                        Instant referredAt, Instant outcomeAt) {
    }

    TransparencyReport report(Reader reader, LocalDate from, LocalDate to, List<InclusionCategory> categories,
                              List<OrganisationSummary> platforms) {
        if (from == null) {
            throw new InvalidInputException("from", "is required: the first day of the period, e.g. 2026-01-01");
        }
        if (to == null) {
            throw new InvalidInputException("to", "is required: the last day of the period, e.g. 2026-06-30");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
            throw new InvalidInputException("to", "a period of at most " + MAX_DAYS + " days");
        }
        SqlPredicate visible = VisibilityFilter.visible(reader, ReferralRows.OBJECT, "c.marking_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("org", reader.organisationId());
        params.put("start", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.put("end", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        List<Line> lines = rows.jdbc.sql("""
                SELECT r.category, r.platform_organisation_id, r.outcome, r.appellant, r.appeal_outcome, r.referred_at,
                    r.outcome_at
                FROM referrals_referral r JOIN referrals_content c ON c.id = r.content_id
                WHERE r.owner_organisation_id = :org AND r.referred_at >= :start AND r.referred_at < :end""" + " AND "
                        + visible.sql()).params(params)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), ReferralRows.instant(rs, "referred_at"), ReferralRows.instant(rs, "outcome_at")))
                .list();
        Map<String, Long> byCategory = new LinkedHashMap<>();
        categories.forEach(c -> byCategory.put(c.code(), 0L));
        Map<String, String> names = new HashMap<>();
        platforms.forEach(p -> names.put(p.id(), p.name()));
        Map<String, Long> byPlatform = new java.util.TreeMap<>();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o.name(), 0L);
        }
        byOutcome.put(TransparencyReport.PENDING, 0L);
        Map<String, Long> byAppeal = new LinkedHashMap<>();
        for (AppealOutcome o : AppealOutcome.values()) {
            byAppeal.put(o.name(), 0L);
        }
        byAppeal.put(TransparencyReport.PENDING, 0L);
        List<Duration> times = new ArrayList<>();
        long appeals = 0;
        for (Line l : lines) {
            byCategory.merge(l.category(), 1L, Long::sum);
            byPlatform.merge(names.getOrDefault(l.platform(), l.platform()), 1L, Long::sum);
            byOutcome.merge(l.outcome() == null ? TransparencyReport.PENDING : l.outcome(), 1L, Long::sum);
            if (l.appellant() != null) {
                appeals++;
                byAppeal.merge(l.appealOutcome() == null ? TransparencyReport.PENDING : l.appealOutcome(), 1L,
                        Long::sum);
            }
            if (l.outcomeAt() != null) {
                times.add(Duration.between(l.referredAt(), l.outcomeAt()));
            }
        }
        TransparencyReport report = new TransparencyReport(reader.organisationId(), from, to, lines.size(),
                byCategory, byPlatform, byOutcome, appeals, byAppeal, times.size(), median(times), rows.now());
        rows.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(),
                "referral-transparency", List.of()).withPurpose(reader.purpose()).withDetails(Map.of("from",
                from.toString(), "to", to.toString(), "referrals", String.valueOf(lines.size()))));
        return report;
    }

    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}
