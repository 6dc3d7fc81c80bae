package org.fusioncell.safeguards.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.ReportHolding;
import org.fusioncell.intake.Reports;
import org.fusioncell.safeguards.retention.LegalHold;
import org.fusioncell.safeguards.retention.LegalHolds;
import org.fusioncell.safeguards.retention.PurgeRun;
import org.fusioncell.safeguards.retention.RetentionPurge;
import org.fusioncell.safeguards.retention.RetentionRule;
import org.fusioncell.screening.Depersonalisation;
import org.fusioncell.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The purge. The run's row is inserted first under its unique key (the claim: of several nodes firing the same
 * schedule one runs); each item is then erased in a transaction of its own through its module's erasure, as a
 * processing reader of the holding organisation, with the erasure's cause recorded in that same transaction.
 * Items under an active hold are left and listed with the run. The expired items are read in pages by id, so
 * that many held items never keep the others from being reached.
 */
@Service
class PurgeJob implements RetentionPurge {

    static final String ACTOR = "processing:retention-purge";
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    private final JdbcClient jdbc;
    private final Reports reports;
    private final Entities entities;
    private final Depersonalisation screeningRuns;
    private final ConfiguredRegister register;
    private final LegalHolds holds;
    private final Readers readers;
    private final ErasureRecords erasures;
    private final PurgeRuns runs;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PurgeJob(JdbcClient jdbc, Reports reports, Entities entities, Depersonalisation screeningRuns,
             ConfiguredRegister register, LegalHolds holds,
             Readers readers, ErasureRecords erasures, PurgeRuns runs, AuditLog audit,
             PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.entities = entities;
        this.screeningRuns = screeningRuns;
        this.register = register;
        this.holds = holds;
        this.readers = readers;
        this.erasures = erasures;
        this.runs = runs;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private final class Tally {
        final String runId;
        int reports;
        int entities;
        long screeningRuns;
        int reportsHeld;
        int entitiesHeld;
        int failures;

        Tally(String runId) {
            this.runId = runId;
        }
    }

    @Override
    public Optional<PurgeRun> run(Instant now, String runKey, String startedBy, String startedByOrganisation) {
        String runId = Ids.newId();
        try {
            transaction.executeWithoutResult(s -> jdbc.sql("INSERT INTO retention_purge_run (id, run_key, started_by,"
                            + " started_at) VALUES (:id, :key, :by, :at)").param("id", runId).param("key", runKey)
                    .param("by", startedBy).param("at", Timestamp.from(Instant.now(clock))).update());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Tally tally = new Tally(runId);
        String after = null;
        List<ReportHolding> expired;
        do {
            expired = reports.expired(today, after, BATCH);
            for (ReportHolding h : expired) {
                erase(tally, Reports.INFORMATION_TYPE, h.reportId(), h.organisationId(), today,
                        "retention period expired on " + h.retentionUntil() + " (retention register: report)");
            }
            after = expired.isEmpty() ? after : expired.getLast().reportId();
        } while (expired.size() == BATCH);
        Optional<RetentionRule> entityRule = register.rule("entity").filter(r -> r.period() != null);
        if (entityRule.isPresent()) {
            Instant cutoff = today.minus(entityRule.get().period()).atStartOfDay(ZoneOffset.UTC).toInstant();
            String reason = "no report asserts it any more and it is older than the retention period "
                    + entityRule.get().period() + " (retention register: entity)";
            after = null;
            List<String> unasserted;
            do {
                unasserted = entities.unasserted(cutoff, after, BATCH);
                for (String entityId : unasserted) {
                    entities.forProcessing(entityId).map(e -> e.marking().ownerOrganisation())
                            .ifPresent(org -> erase(tally, "entity", entityId, org, today, reason));
                }
                after = unasserted.isEmpty() ? after : unasserted.getLast();
            } while (unasserted.size() == BATCH);
        }
        Optional<RetentionRule> runRule = register.rule("screening-run").filter(r -> r.period() != null);
        if (runRule.isPresent()) {
            Instant cutoff = today.minus(runRule.get().period()).atStartOfDay(ZoneOffset.UTC).toInstant();
            try {
                tally.screeningRuns = screeningRuns.eraseRunsBefore(cutoff);
            } catch (RuntimeException e) {
                // the screening module erases run by run: what it did stays done, the rest waits for the next run
                tally.failures++;
                log.error("retention purge {} could not erase screening runs", runId, e);
            }
        }
        Instant finished = Instant.now(clock);
        transaction.executeWithoutResult(s -> {
            jdbc.sql("""
                    UPDATE retention_purge_run SET finished_at = :at, reports_erased = :r, entities_erased = :e,
                        screening_runs_erased = :sr, reports_held = :rh, entities_held = :eh, failures = :f WHERE id = :id""")
                    .param("at", Timestamp.from(finished)).param("r", tally.reports).param("e", tally.entities).param("sr", tally.screeningRuns)
                    .param("rh", tally.reportsHeld).param("eh", tally.entitiesHeld).param("f", tally.failures)
                    .param("id", runId).update();
            audit.record(AuditRecord.of(AuditAction.ERASURE, startedBy, startedByOrganisation, "retention-purge-run", List.of(runId))
                    .withPurpose("retention").withOutcome(tally.failures == 0 ? "OK" : "PARTIAL")
                    .withDetails(Map.of("reports", String.valueOf(tally.reports), "entities",
                            String.valueOf(tally.entities), "screeningRuns", String.valueOf(tally.screeningRuns), "heldReports", String.valueOf(tally.reportsHeld),
                            "heldEntities", String.valueOf(tally.entitiesHeld), "failures",
                            String.valueOf(tally.failures))));
        });
        log.info("retention purge {}: {} reports, {} entities and {} screening runs erased, {} + {} held, {} failures",
                runId, tally.reports, tally.entities, tally.screeningRuns, tally.reportsHeld, tally.entitiesHeld, tally.failures);
        return runs.find(runId);
    }

    private void erase(Tally tally, String type, String itemId, String organisationId, LocalDate today,
                       String reason) {
        boolean report = type.equals(Reports.INFORMATION_TYPE);
        try {
            Boolean erased = transaction.execute(s -> {
                Optional<LegalHold> hold = holds.activeOn(type, itemId, today);
                if (hold.isPresent()) {
                    jdbc.sql("INSERT INTO retention_purge_skip (run_id, item_type, item_id, hold_id)"
                                    + " VALUES (:run, :type, :item, :hold)").param("run", tally.runId)
                            .param("type", type).param("item", itemId).param("hold", hold.get().id()).update();
                    return null;
                }
                Reader holder = readers.forOrganisation(organisationId, ACTOR, "retention");
                boolean done = report ? reports.erase(holder, itemId, reason) : entities.erase(holder, itemId, reason);
                if (done) {
                    erasures.record(type, itemId, organisationId, ErasureRecords.Cause.EXPIRY, tally.runId, ACTOR);
                }
                return done;
            });
            if (erased == null) {
                if (report) {
                    tally.reportsHeld++;
                } else {
                    tally.entitiesHeld++;
                }
            } else if (erased) {
                if (report) {
                    tally.reports++;
                } else {
                    tally.entities++;
                }
            }
        } catch (RuntimeException e) {
            // the item stays as it was (its transaction rolled back) and is taken up again by the next run
            tally.failures++;
            log.error("retention purge {} could not erase {} {}", tally.runId, type, itemId, e);
        }
    }

    @Override
    public List<PurgeRun> recent(Reader officer, int limit) {
        return runs.recent(officer, limit);
    }
}
