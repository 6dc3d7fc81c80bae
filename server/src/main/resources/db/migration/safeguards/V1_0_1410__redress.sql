-- Redress requests (docs/redress.md): a person who says they were wrongly flagged, filed by an authorised
-- officer. person holds the particulars as filed (JSON: names, date of birth, nationality, document); they
-- are the requester's personal data, read only by redress officers.
CREATE TABLE redress_request (
    id              VARCHAR(36)   PRIMARY KEY,
    organisation_id VARCHAR(36)   NOT NULL,
    filed_by        VARCHAR(36)   NOT NULL,
    filed_at        TIMESTAMP     NOT NULL,
    person          TEXT          NOT NULL,
    language        VARCHAR(2)    NOT NULL,
    representative  VARCHAR(500),
    contact         VARCHAR(1000) NOT NULL,
    statement       VARCHAR(4000),
    state           VARCHAR(16)   NOT NULL,
    assigned_to     VARCHAR(36),
    outcome         VARCHAR(16),
    outcome_reason  VARCHAR(4000),
    decided_by      VARCHAR(36),
    decided_at      TIMESTAMP,
    CONSTRAINT redress_request_state CHECK (state IN ('FILED', 'UNDER_REVIEW', 'DECIDED')),
    CONSTRAINT redress_request_outcome CHECK (outcome IS NULL OR outcome IN ('UPHELD', 'NOT_UPHELD')),
    CONSTRAINT redress_request_language CHECK (language IN ('ar', 'fr', 'en'))
);
CREATE INDEX redress_request_listing ON redress_request (filed_at DESC, id DESC);

-- Hits the officer confirmed are about the person (ids of screening hits; the hits stay in screening).
CREATE TABLE redress_hit (
    request_id VARCHAR(36) NOT NULL REFERENCES redress_request (id),
    hit_id     VARCHAR(36) NOT NULL,
    linked_by  VARCHAR(36) NOT NULL,
    linked_at  TIMESTAMP   NOT NULL,
    PRIMARY KEY (request_id, hit_id)
);

-- The review's notes, oldest first.
CREATE TABLE redress_note (
    id         VARCHAR(36)   PRIMARY KEY,
    request_id VARCHAR(36)   NOT NULL REFERENCES redress_request (id),
    written_by VARCHAR(36)   NOT NULL,
    written_at TIMESTAMP     NOT NULL,
    text       VARCHAR(4000) NOT NULL
);
CREATE INDEX redress_note_request ON redress_note (request_id, written_at);
