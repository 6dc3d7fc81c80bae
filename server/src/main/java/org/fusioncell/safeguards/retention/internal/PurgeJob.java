package org.fusioncell.safeguards.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Reports;
import org.fusioncell.safeguards.retention.LegalHold;
import org.fusioncell.safeguards.retention.LegalHolds;
import org.fusioncell.safeguards.retention.PurgeRun;
import org.fusioncell.safeguards.retention.RetentionPurge;
import org.fusioncell.safeguards.retention.RetentionRule;
import org.fusioncell.screening.Depersonalisation;
import org.fusioncell.shared.ExpiredItem;
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
 * Items under an active hold are left and listed with the run. The types erased item by item are a table
 * ({@link PurgedTypes}); what a run did is counted per type in {@code retention_purge_count}.
 */
@Service
class PurgeJob implements RetentionPurge {

    static final String ACTOR = "processing:retention-purge";
    static final int BATCH = 500;
    static final String SCREENING_RUN = "screening-run";
    /** The types a run counts, in the register's order. */
    static final List<String> ORDER = List.of(Reports.INFORMATION_TYPE, "entity", "incident", "alert", "case",
            SCREENING_RUN, "request-for-information", "civil-society-submission");
    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    private final JdbcClient jdbc;
    private final PurgedTypes purged;
    private final Depersonalisation screeningRuns;
    private final ConfiguredRegister register;
    private final LegalHolds holds;
    private final Readers readers;
    private final ErasureRecords erasures;
    private final PurgeRuns runs;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PurgeJob(JdbcClient jdbc, PurgedTypes purged, Depersonalisation screeningRuns,
             ConfiguredRegister register, LegalHolds holds,
             Readers readers, ErasureRecords erasures, PurgeRuns runs, AuditLog audit,
             PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.purged = purged;
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

    /** Per type: erased, kept under a hold, kept for the officer's decision. */
    private static final class Tally {
        final String runId;
        final Map<String, long[]> counts = new LinkedHashMap<>();
        int failures;

        Tally(String runId) {
            this.runId = runId;
        }

        long[] of(String type) {
            return counts.computeIfAbsent(type, t -> new long[3]);
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
        for (PurgedTypes.Purged type : purged.all()) {
            Optional<Period> period = register.rule(type.type()).map(RetentionRule::period);
            if (period.isPresent()) {
                purge(tally, type, today, today.minus(period.get()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        type.rule() + (type.type().equals(Reports.INFORMATION_TYPE) ? "" : " " + period.get())
                                + " (retention register: " + type.type() + ")");
            }
        }
        register.rule("case").map(RetentionRule::period).ifPresent(p -> tally.of("case")[2] =
                purged.casesAwaitingDecision(today.minus(p).atStartOfDay(ZoneOffset.UTC).toInstant()));
        register.rule(SCREENING_RUN).map(RetentionRule::period).ifPresent(p -> {
            try {
                tally.of(SCREENING_RUN)[0] = screeningRuns.eraseRunsBefore(
                        today.minus(p).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (RuntimeException e) {
                // the screening module erases run by run: what it did stays done, the rest waits for the next run
                tally.failures++;
                log.error("retention purge {} could not erase screening runs", runId, e);
            }
        });
        finish(tally, startedBy, startedByOrganisation);
        return runs.find(runId);
    }

    /** The type's expired items page by page (by id, so that held items never keep the others from being reached). */
    private void purge(Tally tally, PurgedTypes.Purged type, LocalDate today, Instant cutoff, String reason) {
        tally.of(type.type());
        String after = null;
        List<ExpiredItem> page;
        do {
            page = type.expiry().page(today, cutoff, after, BATCH);
            for (ExpiredItem item : page) {
                if (item.organisationId() != null) {
                    erase(tally, type, item, today, reason);
                }
            }
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == BATCH);
    }

    private void finish(Tally tally, String startedBy, String startedByOrganisation) {
        Instant finished = Instant.now(clock);
        Map<String, String> details = new LinkedHashMap<>();
        transaction.executeWithoutResult(s -> {
            jdbc.sql("UPDATE retention_purge_run SET finished_at = :at, failures = :f WHERE id = :id")
                    .param("at", Timestamp.from(finished)).param("f", tally.failures).param("id", tally.runId).update();
            tally.counts.forEach((type, c) -> {
                jdbc.sql("INSERT INTO retention_purge_count (run_id, item_type, erased, held, awaiting_decision)"
                                + " VALUES (:run, :type, :erased, :held, :awaiting)").param("run", tally.runId)
                        .param("type", type).param("erased", (int) c[0]).param("held", (int) c[1])
                        .param("awaiting", (int) c[2]).update();
                details.put(type, c[0] + " erased, " + c[1] + " held, " + c[2] + " awaiting decision");
            });
            details.put("failures", String.valueOf(tally.failures));
            audit.record(AuditRecord.of(AuditAction.ERASURE, startedBy, startedByOrganisation, "retention-purge-run",
                    List.of(tally.runId)).withPurpose("retention").withOutcome(tally.failures == 0 ? "OK" : "PARTIAL")
                    .withDetails(details));
        });
        log.info("retention purge {}: {}", tally.runId, details);
    }

    private void erase(Tally tally, PurgedTypes.Purged type, ExpiredItem item, LocalDate today, String reason) {
        long[] counts = tally.of(type.type());
        try {
            Boolean erased = transaction.execute(s -> {
                Optional<LegalHold> hold = holds.activeOn(type.type(), item.id(), today);
                if (hold.isPresent()) {
                    jdbc.sql("INSERT INTO retention_purge_skip (run_id, item_type, item_id, hold_id)"
                                    + " VALUES (:run, :type, :item, :hold)").param("run", tally.runId)
                            .param("type", type.type()).param("item", item.id()).param("hold", hold.get().id())
                            .update();
                    return null;
                }
                Reader holder = readers.forOrganisation(item.organisationId(), ACTOR, "retention");
                boolean done = type.erasure().erase(holder, item.id(), reason);
                if (done) {
                    erasures.record(type.type(), item.id(), item.organisationId(), ErasureRecords.Cause.EXPIRY,
                            tally.runId, ACTOR);
                }
                return done;
            });
            if (erased == null) {
                counts[1]++;
            } else if (erased) {
                counts[0]++;
            }
        } catch (RuntimeException e) {
            // the item stays as it was (its transaction rolled back) and is taken up again by the next run
            tally.failures++;
            log.error("retention purge {} could not erase {} {}", tally.runId, type.type(), item.id(), e);
        }
    }

    @Override
    public List<PurgeRun> recent(Reader officer, int limit) {
        return runs.recent(officer, limit);
    }
}
