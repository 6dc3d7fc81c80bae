-- Screening runs (a batch file, a passenger manifest), the people screened in them, and the hits.
-- Runs, subjects and hits carry the marking of the screening organisation (by default TLP:AMBER+STRICT
-- owned by it): only its own readers see them. Subjects are kept so that a list change can screen
-- recent ones again (fusioncell.screening.rescreen-window).
CREATE TABLE screening_run (
    id              VARCHAR(36)      PRIMARY KEY,
    kind            VARCHAR(16)      NOT NULL,
    source_name     VARCHAR(200),
    details         TEXT,
    threshold       DOUBLE PRECISION NOT NULL,
    subject_count   INTEGER          NOT NULL,
    marking_id      VARCHAR(36)      NOT NULL,
    organisation_id VARCHAR(36)      NOT NULL,
    created_by      VARCHAR(36)      NOT NULL,
    created_at      TIMESTAMP        NOT NULL,
    CONSTRAINT screening_run_kind CHECK (kind IN ('BATCH', 'MANIFEST'))
);
CREATE INDEX screening_run_listing ON screening_run (created_at DESC, id DESC);

-- names: JSON array (the first is the name as given); documents: JSON array of {type, number, country}.
CREATE TABLE screening_subject (
    id              VARCHAR(36)  PRIMARY KEY,
    run_id          VARCHAR(36)  NOT NULL REFERENCES screening_run (id),
    ordinal         INTEGER      NOT NULL,
    names           TEXT         NOT NULL,
    birth_from      DATE,
    birth_to        DATE,
    nationalities   VARCHAR(200),
    gender          VARCHAR(8)   NOT NULL,
    documents       TEXT         NOT NULL,
    marking_id      VARCHAR(36)  NOT NULL,
    organisation_id VARCHAR(36)  NOT NULL,
    screened_by     VARCHAR(36)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL
);
CREATE INDEX screening_subject_run ON screening_subject (run_id, ordinal);
CREATE INDEX screening_subject_recent ON screening_subject (created_at, id);

-- One hit per screened subject and listed entry content (entry_id is the row of that content, which
-- never changes): screening again finds the same hit instead of a second one, a changed entry a new one.
CREATE TABLE screening_hit (
    id              VARCHAR(36)      PRIMARY KEY,
    run_id          VARCHAR(36)      NOT NULL REFERENCES screening_run (id),
    subject_id      VARCHAR(36)      NOT NULL REFERENCES screening_subject (id),
    watchlist_id    VARCHAR(36)      NOT NULL REFERENCES screening_watchlist (id),
    version_id      VARCHAR(36)      NOT NULL REFERENCES screening_watchlist_version (id),
    entry_id        VARCHAR(36)      NOT NULL REFERENCES screening_watchlist_entry (id),
    entry_reference VARCHAR(200)     NOT NULL,
    matched_name    VARCHAR(1000)    NOT NULL,
    query_name      VARCHAR(1000)    NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    explanation     TEXT             NOT NULL,
    origin          VARCHAR(16)      NOT NULL,
    state           VARCHAR(16)      NOT NULL,
    remembered      BOOLEAN          NOT NULL,
    proposed_by     VARCHAR(36),
    proposed_at     TIMESTAMP,
    decided_by      VARCHAR(36),
    decided_at      TIMESTAMP,
    decision_reason VARCHAR(2000),
    marking_id      VARCHAR(36)      NOT NULL,
    organisation_id VARCHAR(36)      NOT NULL,
    created_at      TIMESTAMP        NOT NULL,
    CONSTRAINT screening_hit_once UNIQUE (subject_id, entry_id),
    CONSTRAINT screening_hit_state CHECK (state IN ('PENDING', 'CONFIRMED', 'DISMISSED', 'ESCALATED')),
    CONSTRAINT screening_hit_origin CHECK (origin IN ('SCREENING', 'RESCREENING'))
);
CREATE INDEX screening_hit_queue ON screening_hit (state, created_at DESC, id DESC);
CREATE INDEX screening_hit_listing ON screening_hit (created_at DESC, id DESC);
CREATE INDEX screening_hit_run ON screening_hit (run_id);

-- Every step of a hit's review, oldest first; user_id is NULL for a remembered false positive.
CREATE TABLE screening_hit_decision (
    id         VARCHAR(36)   PRIMARY KEY,
    hit_id     VARCHAR(36)   NOT NULL REFERENCES screening_hit (id),
    decision   VARCHAR(32)   NOT NULL,
    user_id    VARCHAR(36),
    reason     VARCHAR(2000) NOT NULL,
    decided_at TIMESTAMP     NOT NULL,
    CONSTRAINT screening_decision_kind CHECK (decision IN ('CONFIRMATION_PROPOSED', 'CONFIRMED', 'DISMISSED',
        'ESCALATED', 'REMEMBERED_FALSE_POSITIVE'))
);
CREATE INDEX screening_decision_hit ON screening_hit_decision (hit_id, decided_at);

-- False positives an organisation has dismissed: the same traveller (a digest of the normalised names,
-- date of birth and documents) is not flagged again for the same entry content (its hash).
CREATE TABLE screening_false_positive (
    id              VARCHAR(36)  PRIMARY KEY,
    organisation_id VARCHAR(36)  NOT NULL,
    watchlist_id    VARCHAR(36)  NOT NULL REFERENCES screening_watchlist (id),
    entry_reference VARCHAR(200) NOT NULL,
    entry_hash      VARCHAR(64)  NOT NULL,
    subject_key     VARCHAR(64)  NOT NULL,
    hit_id          VARCHAR(36)  NOT NULL REFERENCES screening_hit (id),
    created_by      VARCHAR(36)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT screening_false_positive_once UNIQUE (organisation_id, watchlist_id, entry_reference, entry_hash,
        subject_key)
);
