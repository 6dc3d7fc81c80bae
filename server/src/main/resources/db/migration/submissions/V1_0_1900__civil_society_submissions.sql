-- Civil-society submissions (docs/submissions.md): observations sent to one cell, by a signed-in contributor or
-- anonymously from the public form. The submitter's name and contact are sealed (AES-256-GCM, key file under
-- <data-dir>/keys, never in the database); the row id is the associated data. An attachment is content-addressed
-- (SHA-256) through the intake module's content files.
CREATE TABLE submissions_submission (
    id                          VARCHAR(36)   PRIMARY KEY,
    cell_organisation_id        VARCHAR(36)   NOT NULL,
    kind                        VARCHAR(32)   NOT NULL,
    language                    VARCHAR(2)    NOT NULL,
    text                        VARCHAR(8000) NOT NULL,
    place                       VARCHAR(200),
    observed_on                 DATE          NOT NULL,
    anonymous                   BOOLEAN       NOT NULL,
    contributor_user_id         VARCHAR(36),
    contributor_organisation_id VARCHAR(36),
    identity_sealed             VARCHAR(4000),
    identity_key_id             VARCHAR(16),
    attachment_sha256           VARCHAR(64),
    attachment_size             BIGINT,
    attachment_type             VARCHAR(100),
    status                      VARCHAR(24)   NOT NULL,
    status_reason               VARCHAR(2000),
    triaged_by                  VARCHAR(36),
    report_id                   VARCHAR(36),
    created_at                  TIMESTAMP     NOT NULL,
    updated_at                  TIMESTAMP     NOT NULL
);
CREATE INDEX submissions_cell ON submissions_submission (cell_organisation_id, created_at DESC);
CREATE INDEX submissions_contributor ON submissions_submission (contributor_user_id, created_at DESC);
