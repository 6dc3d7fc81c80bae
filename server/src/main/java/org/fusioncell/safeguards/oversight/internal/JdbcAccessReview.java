package org.fusioncell.safeguards.oversight.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditActor;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditQuery;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.audit.AuditRecords;
import org.fusioncell.audit.LoggedAuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.safeguards.oversight.AccessReview;
import org.fusioncell.safeguards.oversight.Explanations;
import org.fusioncell.safeguards.oversight.Finding;
import org.fusioncell.safeguards.oversight.FindingDecision;
import org.fusioncell.safeguards.oversight.FindingState;
import org.fusioncell.safeguards.oversight.FindingStep;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review pass and the auditor's side. A pass takes the checkpoint row's lock, reads the next batch of
 * records, re-applies the rules to every (user, window) the batch touched — over all of that window's records,
 * read through the audit API — and stores, tells and logs what crossed a threshold, then moves the checkpoint;
 * all in one transaction, so a crash leaves the batch to the next pass and another node waits on the lock.
 * Records of processing actors (the review's own reads among them) are not reviewed.
 */
@Service
class JdbcAccessReview implements AccessReview {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAccessReview.class);
    private static final int WINDOW_PAGE = 500;
    private static final int MAX_REASON = 2000;

    private record Key(String userId, Instant windowStart) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditRecords records;
    private final AuditLog audit;
    private final FindingRows rows;
    private final InvestigativeContext context;
    private final Notices notices;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final Explanations explanations;
    private final AccessReviewSettings settings;
    private final PatternRules rules;
    private final Clock clock;

    JdbcAccessReview(JdbcClient jdbc, PlatformTransactionManager transactions, AuditRecords records, AuditLog audit,
                     FindingRows rows, InvestigativeContext context, Notices notices, Colleagues colleagues,
                     Organisations organisations, Explanations explanations, AccessReviewSettings settings,
                     Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.records = records;
        this.audit = audit;
        this.rows = rows;
        this.context = context;
        this.notices = notices;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.explanations = explanations;
        this.settings = settings;
        this.rules = new PatternRules(settings);
        this.clock = clock;
    }

    @Override
    public java.time.ZoneId zone() {
        return settings.zone();
    }

    @Override
    public int review() {
        int total = 0;
        while (true) {
            Integer raised = transaction.execute(status -> batch());
            if (raised == null || raised < 0) {
                return total;
            }
            total += raised;
        }
    }

    /** One batch; -1 when there was nothing new. */
    private int batch() {
        long last = jdbc.sql("SELECT last_seq FROM oversight_review_checkpoint WHERE id = 1 FOR UPDATE")
                .query(Long.class).single();
        List<LoggedAuditRecord> batch = records.after(last, settings.batchSize());
        if (batch.isEmpty()) {
            return -1;
        }
        Map<Key, String> touched = new LinkedHashMap<>();
        for (LoggedAuditRecord r : batch) {
            if (r.actorUserId() != null && !r.actorUserId().startsWith("processing:")) {
                touched.putIfAbsent(new Key(r.actorUserId(), PatternRules.windowStart(r.occurredAt(), settings.zone(),
                        settings.window())), r.actorOrganisationId());
            }
        }
        InvestigativeContext.Pass pass = context.pass();
        Instant now = clock.instant();
        int raised = 0;
        for (Map.Entry<Key, String> e : touched.entrySet()) {
            Key key = e.getKey();
            Instant end = key.windowStart().plus(settings.window());
            List<LoggedAuditRecord> window = window(key.userId(), key.windowStart(), end);
            for (PatternRules.Observation o : rules.evaluate(window, ids -> pass.unrelatedPersons(key.userId(), ids))) {
                raised += store(o, key, e.getValue(), end, now) ? 1 : 0;
            }
        }
        jdbc.sql("UPDATE oversight_review_checkpoint SET last_seq = :seq, run_at = :now WHERE id = 1")
                .param("seq", batch.getLast().seq()).param("now", java.sql.Timestamp.from(now)).update();
        LOG.debug("access review read records {} to {}: {} findings raised or grown", batch.getFirst().seq(),
                batch.getLast().seq(), raised);
        return raised;
    }

    private List<LoggedAuditRecord> window(String userId, Instant from, Instant to) {
        List<LoggedAuditRecord> all = new ArrayList<>();
        AuditQuery query = new AuditQuery(userId, null, null, null, null, from, to);
        Page<LoggedAuditRecord> page;
        int n = 0;
        do {
            page = records.search(query, new PageRequest(n++, WINDOW_PAGE));
            all.addAll(page.items());
        } while ((long) n * WINDOW_PAGE < page.total());
        return all.reversed();
    }

    private boolean store(PatternRules.Observation o, Key key, String organisationId, Instant end, Instant now) {
        Optional<Finding> known = rows.find(o.rule(), key.userId(), key.windowStart());
        if (known.isPresent()) {
            Finding f = known.get();
            if (f.observed() == o.observed() && f.evidence().equals(o.evidence())
                    && java.util.Objects.equals(f.objects(), o.objects())) {
                return false;
            }
            if (!rows.grow(f.id(), o, now)) {
                return false; // decided already: the auditor's decision stands for the window
            }
            audit.record(AuditRecord.of(AuditAction.ALTERATION, InvestigativeContext.ACTOR, organisationId,
                    INFORMATION_TYPE, List.of(f.id())).withPurpose(InvestigativeContext.PURPOSE)
                    .withDetails(Map.of("rule", o.rule().name(), "observed", String.valueOf(o.observed()))));
            return true;
        }
        String id = rows.insert(o, key.userId(), organisationId, key.windowStart(), end, now);
        audit.record(AuditRecord.of(AuditAction.COLLECTION, InvestigativeContext.ACTOR, organisationId,
                INFORMATION_TYPE, List.of(id)).withPurpose(InvestigativeContext.PURPOSE)
                .withDetails(Map.of("rule", o.rule().name(), "user", key.userId(),
                        "observed", String.valueOf(o.observed()), "threshold", String.valueOf(o.threshold()))));
        tellAuditors(rows.find(id).orElseThrow());
        return true;
    }

    private void tellAuditors(Finding f) {
        Locale language = Locale.forLanguageTag(settings.noticeLanguage());
        String headline = explanations.title(f, language);
        String summary = explanations.explain(f, language, settings.zone());
        for (OrganisationSummary org : organisations.all()) {
            for (String auditor : colleagues.members(org.id(), Role.AUDITOR)) {
                notices.tell(auditor, new Notices.Notice("access-review", "access-review", INFORMATION_TYPE, f.id(),
                        org.id(), headline, summary, Severity.HIGH, "/oversight/findings/" + f.id()));
            }
        }
    }

    @Override
    @Transactional
    public Page<Finding> findings(AuditActor auditor, FindingState state, PageRequest page) {
        List<Finding> items = rows.list(state, page.size(), page.offset());
        long total = rows.count(state);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, auditor.userId(), auditor.organisationId(),
                INFORMATION_TYPE, items.stream().map(Finding::id).toList())
                .withDetails(Map.of("view", "list", "state", state == null ? "" : state.name())));
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public Optional<Finding> finding(AuditActor auditor, String findingId) {
        Optional<Finding> found = rows.find(findingId);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, auditor.userId(), auditor.organisationId(),
                INFORMATION_TYPE, List.of(findingId)).withOutcome(found.isPresent() ? "OK" : "NOT_FOUND"));
        return found;
    }

    @Override
    @Transactional
    public FindingStep decide(AuditActor auditor, String findingId, FindingDecision decision, String reason) {
        if (decision == null) {
            throw new InvalidInputException("decision", "must be one of ACKNOWLEDGE, DISMISS, ESCALATE");
        }
        String text = reason == null ? "" : reason.strip();
        if (decision == FindingDecision.DISMISS && text.isEmpty()) {
            throw new InvalidInputException("reason", "a dismissal needs a reason");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters");
        }
        Optional<Finding> found = rows.find(findingId);
        if (found.isEmpty()) {
            return new FindingStep.Unknown();
        }
        if (!rows.decide(findingId, decision.next(), auditor.userId(), text.isEmpty() ? null : text,
                clock.instant())) {
            return new FindingStep.AlreadyDecided(found.get());
        }
        audit.record(AuditRecord.of(AuditAction.ALTERATION, auditor.userId(), auditor.organisationId(),
                INFORMATION_TYPE, List.of(findingId)).withJustification(text.isEmpty() ? null : text)
                .withDetails(Map.of("decision", decision.name())));
        return new FindingStep.Done(rows.find(findingId).orElseThrow());
    }

}
