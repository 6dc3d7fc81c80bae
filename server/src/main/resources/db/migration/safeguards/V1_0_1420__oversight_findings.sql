-- Findings of the access-pattern review (docs/oversight.md): one per rule, user and window. Evidence is the
-- audit sequence numbers the rule counted (comma-separated) and the figures it compared; nothing of the
-- items' content. The auditor acknowledges, dismisses (with a reason) or escalates a finding.
CREATE TABLE oversight_finding (
    id              VARCHAR(36)   PRIMARY KEY,
    rule            VARCHAR(32)   NOT NULL,
    user_id         VARCHAR(200)  NOT NULL,
    organisation_id VARCHAR(200),
    window_start    TIMESTAMP     NOT NULL,
    window_end      TIMESTAMP     NOT NULL,
    observed        BIGINT        NOT NULL,
    threshold       BIGINT        NOT NULL,
    objects         BIGINT,
    object_threshold BIGINT,
    evidence        TEXT          NOT NULL,
    detail          VARCHAR(2000),
    state           VARCHAR(16)   NOT NULL,
    decided_by      VARCHAR(200),
    decided_at      TIMESTAMP,
    decision_reason VARCHAR(2000),
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT oversight_finding_once UNIQUE (rule, user_id, window_start),
    CONSTRAINT oversight_finding_state CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'DISMISSED', 'ESCALATED'))
);
CREATE INDEX oversight_finding_listing ON oversight_finding (state, created_at DESC, id DESC);

-- How far the review has read the audit log. The single row is locked for the whole of a review pass, so of
-- several nodes one reads each record once.
CREATE TABLE oversight_review_checkpoint (
    id       INTEGER   PRIMARY KEY,
    last_seq BIGINT    NOT NULL,
    run_at   TIMESTAMP
);
INSERT INTO oversight_review_checkpoint (id, last_seq) VALUES (1, 0);
