-- Depersonalisation (docs/screening.md, "Depersonalisation"): a run older than
-- fusioncell.screening.depersonalise-after has its people's particulars masked in place; the originals are
-- kept only sealed (AES-256-GCM under a key file outside the database), one row per subject.
-- depersonalised_at is also the claim: the node whose UPDATE sets it masks the run, any other skips it.
ALTER TABLE screening_run ADD COLUMN depersonalised_at TIMESTAMP;
CREATE INDEX screening_run_depersonalise ON screening_run (depersonalised_at, created_at);

-- sealed: base64 of nonce || ciphertext || tag; the subject's id is the associated data, so a sealed row
-- moved to another subject does not open. key_id names the key (a digest of it), never the key.
CREATE TABLE screening_sealed_subject (
    subject_id VARCHAR(36) PRIMARY KEY REFERENCES screening_subject (id),
    run_id     VARCHAR(36) NOT NULL REFERENCES screening_run (id),
    key_id     VARCHAR(16) NOT NULL,
    sealed     TEXT        NOT NULL,
    sealed_at  TIMESTAMP   NOT NULL
);
CREATE INDEX screening_sealed_run ON screening_sealed_subject (run_id);

-- A request to see a depersonalised run's (or one subject's) particulars again; a designated authority
-- decides, never the requester. An approved request opens the particulars to its requester until expires_at.
CREATE TABLE screening_repersonalisation (
    id               VARCHAR(36)   PRIMARY KEY,
    run_id           VARCHAR(36)   NOT NULL,
    subject_id       VARCHAR(36),
    requested_by     VARCHAR(36)   NOT NULL,
    organisation_id  VARCHAR(36)   NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    requested_at     TIMESTAMP     NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    decided_by       VARCHAR(36),
    decided_at       TIMESTAMP,
    decision_reason  VARCHAR(2000),
    expires_at       TIMESTAMP,
    CONSTRAINT screening_repersonalisation_state CHECK (state IN ('PENDING', 'APPROVED', 'REFUSED'))
);
CREATE INDEX screening_repersonalisation_queue ON screening_repersonalisation (state, requested_at);

-- A person cleared by an upheld redress request (safeguards.redress): the same person (subject_key, as in
-- screening_false_positive) is not flagged again for the entry, by any organisation, whatever the
-- entry's later content.
CREATE TABLE screening_cleared_person (
    id              VARCHAR(36)  PRIMARY KEY,
    watchlist_id    VARCHAR(36)  NOT NULL REFERENCES screening_watchlist (id),
    entry_reference VARCHAR(200) NOT NULL,
    subject_key     VARCHAR(64)  NOT NULL,
    redress_id      VARCHAR(36)  NOT NULL,
    created_by      VARCHAR(36)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT screening_cleared_person_once UNIQUE (watchlist_id, entry_reference, subject_key)
);

-- erasing a run past its retention keeps the false-positive memory (a digest), not the hit it came from
ALTER TABLE screening_false_positive ALTER COLUMN hit_id DROP NOT NULL;
