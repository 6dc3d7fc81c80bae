-- Retention (docs/safeguards.md): legal holds, purge runs, the record of erasures and the review of holdings.
-- Items of other modules are held here by type and id only, never their content.

CREATE TABLE retention_hold (
    id              VARCHAR(36)   PRIMARY KEY,
    item_type       VARCHAR(32)   NOT NULL,
    item_id         VARCHAR(36)   NOT NULL,
    organisation_id VARCHAR(36)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    authority       VARCHAR(300)  NOT NULL,
    reference       VARCHAR(300),
    ends_on         DATE,
    placed_by       VARCHAR(36)   NOT NULL,
    placed_at       TIMESTAMP     NOT NULL,
    released_by     VARCHAR(36),
    released_at     TIMESTAMP,
    release_reason  VARCHAR(1000)
);
CREATE INDEX retention_hold_item ON retention_hold (item_type, item_id);

-- one row per run; run_key is unique so that of several nodes firing the same schedule only one runs
CREATE TABLE retention_purge_run (
    id               VARCHAR(36) PRIMARY KEY,
    run_key          VARCHAR(64) NOT NULL UNIQUE,
    started_by       VARCHAR(36) NOT NULL,
    started_at       TIMESTAMP   NOT NULL,
    finished_at      TIMESTAMP,
    reports_erased   INTEGER     NOT NULL DEFAULT 0,
    entities_erased  INTEGER     NOT NULL DEFAULT 0,
    reports_held     INTEGER     NOT NULL DEFAULT 0,
    entities_held    INTEGER     NOT NULL DEFAULT 0,
    failures         INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX retention_purge_run_started ON retention_purge_run (started_at DESC);

-- expired items a run left in place because a legal hold applied
CREATE TABLE retention_purge_skip (
    run_id    VARCHAR(36) NOT NULL,
    item_type VARCHAR(32) NOT NULL,
    item_id   VARCHAR(36) NOT NULL,
    hold_id   VARCHAR(36) NOT NULL,
    PRIMARY KEY (run_id, item_type, item_id)
);

-- every erasure of a report or entity, whoever made it: EXPIRY (the purge), REVIEW (a review's deletion),
-- MANUAL (any other erasure, e.g. by its originator or a TAXII revocation)
CREATE TABLE retention_erasure (
    item_type       VARCHAR(32) NOT NULL,
    item_id         VARCHAR(36) NOT NULL,
    organisation_id VARCHAR(36) NOT NULL,
    cause           VARCHAR(16) NOT NULL,
    run_id          VARCHAR(36),
    erased_by       VARCHAR(36),
    erased_at       TIMESTAMP   NOT NULL,
    PRIMARY KEY (item_type, item_id),
    CONSTRAINT retention_erasure_cause CHECK (cause IN ('EXPIRY', 'REVIEW', 'MANUAL'))
);
CREATE INDEX retention_erasure_time ON retention_erasure (erased_at);

-- one row per item and review cycle; notified_at is the claim that tells the holder once per cycle
CREATE TABLE retention_review (
    id              VARCHAR(36)   PRIMARY KEY,
    item_type       VARCHAR(32)   NOT NULL,
    item_id         VARCHAR(36)   NOT NULL,
    organisation_id VARCHAR(36)   NOT NULL,
    cycle           INTEGER       NOT NULL,
    due_on          DATE          NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    notified_at     TIMESTAMP,
    outcome         VARCHAR(16),
    decided_by      VARCHAR(36),
    decided_at      TIMESTAMP,
    reason          VARCHAR(1000),
    next_due_on     DATE,
    CONSTRAINT retention_review_cycle UNIQUE (item_type, item_id, cycle),
    CONSTRAINT retention_review_outcome CHECK (outcome IS NULL OR outcome IN ('CONFIRMED', 'DELETED', 'GONE'))
);
CREATE INDEX retention_review_open ON retention_review (organisation_id, outcome, due_on);
