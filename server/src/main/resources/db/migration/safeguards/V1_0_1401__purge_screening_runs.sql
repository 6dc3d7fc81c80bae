-- The purge also erases screening runs past their period (through the screening module); each run counts them.
ALTER TABLE retention_purge_run ADD COLUMN screening_runs_erased INTEGER NOT NULL DEFAULT 0;
