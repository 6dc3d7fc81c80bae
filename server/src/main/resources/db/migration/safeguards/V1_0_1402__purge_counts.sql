-- What each purge run erased and kept, one row per information type (the purge now reaches incidents, alerts,
-- cases and requests for information too; a row per type keeps the run's table from growing a column per type).
-- held: expired but kept under a legal hold; awaiting_decision: expired but kept for the officer's decision
-- (closed cases that hold evidence). The run's former count columns are carried over and no longer written.
CREATE TABLE retention_purge_count (
    run_id            VARCHAR(36) NOT NULL,
    item_type         VARCHAR(32) NOT NULL,
    erased            INTEGER     NOT NULL,
    held              INTEGER     NOT NULL,
    awaiting_decision INTEGER     NOT NULL,
    PRIMARY KEY (run_id, item_type)
);

INSERT INTO retention_purge_count (run_id, item_type, erased, held, awaiting_decision)
    SELECT id, 'report', reports_erased, reports_held, 0 FROM retention_purge_run;
INSERT INTO retention_purge_count (run_id, item_type, erased, held, awaiting_decision)
    SELECT id, 'entity', entities_erased, entities_held, 0 FROM retention_purge_run;
INSERT INTO retention_purge_count (run_id, item_type, erased, held, awaiting_decision)
    SELECT id, 'screening-run', screening_runs_erased, 0, 0 FROM retention_purge_run;
