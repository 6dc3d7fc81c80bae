package org.fusioncell.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.ReportRevised;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Release on the originator's decision: the report gets a new version whose only change is a marking
 * naming the recipient, so the history shows when and on which access request it was widened.
 */
@Component
class ReportRelease {

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReportHistory history;
    private final ReportTags tags;

    ReportRelease(JdbcClient jdbc, Markings markings, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                  ReportHistory history, ReportTags tags) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.history = history;
        this.tags = tags;
    }

    @Transactional
    Decision releaseTo(Reader owner, String reportId, Reader recipient, String accessRequestId) {
        Decision unknown = new Decision(Decision.Visibility.HIDDEN, "no such report held by the organisation");
        if (!Ids.isWellFormed(reportId)) {
            return unknown;
        }
        List<Report> found = jdbc.sql("SELECT * FROM intake_report r WHERE r.id = :id").param("id", reportId)
                .query(JdbcReports::rowWithoutMarking).list();
        if (found.isEmpty()) {
            return unknown;
        }
        Report stored = found.getFirst();
        String markingId = jdbc.sql("SELECT marking_id FROM intake_report WHERE id = :id").param("id", reportId)
                .query(String.class).single();
        Marking current = markings.find(markingId).orElseThrow();
        if (!current.ownerOrganisation().equals(owner.organisationId())) {
            return unknown;
        }
        Decision before = AccessPolicy.decide(recipient, Reports.INFORMATION_TYPE, current);
        if (before.visible()) {
            return before;
        }
        Marking widened = widened(current, recipient);
        Decision after = AccessPolicy.decide(recipient, Reports.INFORMATION_TYPE, widened);
        if (!after.visible()) {
            return after;
        }
        String widenedId = markings.save(widened);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        int version = stored.version() + 1;
        jdbc.sql("UPDATE intake_report SET marking_id = :marking, version = :version, updated_at = :now WHERE id = :id")
                .param("marking", widenedId).param("version", version).param("now", Timestamp.from(now))
                .param("id", reportId).update();
        List<String> tagList = tags.of(List.of(reportId)).getOrDefault(reportId, List.of());
        ReportDraft unchanged = new ReportDraft(stored.title(), stored.body(), stored.occurredAt(), stored.place(),
                stored.grading(), widened, stored.retentionUntil(), tagList);
        history.record(reportId, version, unchanged, stored.language(), widenedId, stored.retentionUntil(),
                owner.userId(), now, "release on access request " + accessRequestId);
        Map<String, String> details = new HashMap<>();
        details.put("accessRequest", accessRequestId);
        details.put("recipientOrganisation", recipient.organisationId());
        details.put("version", String.valueOf(version));
        if (current.tlp() == Tlp.RED) {
            details.put("recipientUser", recipient.userId());
        }
        audit.record(AuditRecord.of(AuditAction.DISCLOSURE, owner.userId(), owner.organisationId(),
                Reports.INFORMATION_TYPE, List.of(reportId)).withPurpose(owner.purpose()).withDetails(details));
        events.publishEvent(new ReportRevised(reportId, version));
        return after;
    }

    /** TLP:RED reaches named users only, so the user is named; otherwise their organisation is. */
    static Marking widened(Marking m, Reader recipient) {
        Releasability r = m.releasability();
        Set<String> organisations = new HashSet<>(r.organisations());
        Set<String> users = new HashSet<>(r.users());
        if (m.tlp() == Tlp.RED) {
            users.add(recipient.userId());
        } else {
            organisations.add(recipient.organisationId());
        }
        return new Marking(m.classificationRank(), m.tlp(),
                new Releasability(organisations, r.organisationTypes(), r.agreements(), users),
                m.originatorControl(), m.caveats(), m.ownerOrganisation());
    }
}
