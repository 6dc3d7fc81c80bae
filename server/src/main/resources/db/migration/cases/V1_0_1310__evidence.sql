-- Evidence and chain of custody (docs/evidence.md). An item belongs to one case and carries the SHA-256 taken at
-- intake (of the uploaded file, of the extraction as the examiner gave it, or of the physical item's
-- description). Custody events are append-only and chained: hash = SHA-256(prev_hash + canonical content), so an
-- UPDATE or DELETE of any row is found by verification.
CREATE TABLE cases_evidence_item (
    id               VARCHAR(36)   PRIMARY KEY,
    case_id          VARCHAR(36)   NOT NULL,
    kind             VARCHAR(24)   NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    description      VARCHAR(8000),
    sha256           VARCHAR(64)   NOT NULL,
    size             BIGINT,
    media_type       VARCHAR(200),
    file_name        VARCHAR(300),
    seal_number      VARCHAR(100),
    location         VARCHAR(500),
    tool             VARCHAR(300),
    source_device    VARCHAR(500),
    custodian_user_id VARCHAR(36)  NOT NULL,
    pending_to_user_id VARCHAR(36),
    disposed         BOOLEAN       NOT NULL,
    head_seq         INTEGER       NOT NULL,
    head_hash        VARCHAR(64)   NOT NULL,
    created_by       VARCHAR(36)   NOT NULL,
    created_at       TIMESTAMP     NOT NULL
);
CREATE INDEX cases_evidence_item_case ON cases_evidence_item (case_id, created_at);

CREATE TABLE cases_evidence_event (
    item_id          VARCHAR(36)   NOT NULL,
    seq              INTEGER       NOT NULL,
    kind             VARCHAR(24)   NOT NULL,
    actor_user_id    VARCHAR(36)   NOT NULL,
    actor_organisation_id VARCHAR(36) NOT NULL,
    occurred_at      TIMESTAMP     NOT NULL,
    recorded_at      TIMESTAMP     NOT NULL,
    place            VARCHAR(500)  NOT NULL,
    why              VARCHAR(2000) NOT NULL,
    to_user_id       VARCHAR(36),
    prev_hash        VARCHAR(64)   NOT NULL,
    hash             VARCHAR(64)   NOT NULL,
    PRIMARY KEY (item_id, seq)
);
