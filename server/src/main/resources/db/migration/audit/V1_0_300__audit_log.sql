-- Append-only, hash-chained access log. Never updated or deleted by the application.
-- occurred_at is a timestamp with time zone so that the instant hashed is the instant read back,
-- whatever the JVM's or the server's zone.
CREATE TABLE audit_record (
    seq                   BIGINT       PRIMARY KEY,
    id                    VARCHAR(36)  NOT NULL UNIQUE,
    occurred_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    action                VARCHAR(32)  NOT NULL,
    actor_user_id         VARCHAR(36),
    actor_organisation_id VARCHAR(36),
    object_type           VARCHAR(64),
    object_ids            TEXT,
    purpose               VARCHAR(500),
    justification         VARCHAR(2000),
    outcome               VARCHAR(64)  NOT NULL,
    details               TEXT         NOT NULL,
    prev_hash             VARCHAR(64)  NOT NULL,
    hash                  VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_record_time ON audit_record (occurred_at);
CREATE INDEX audit_record_actor ON audit_record (actor_user_id, occurred_at);
CREATE INDEX audit_record_organisation ON audit_record (actor_organisation_id, occurred_at);
CREATE INDEX audit_record_object_type ON audit_record (object_type, occurred_at);

-- One row per object id of a record, so that "who touched this item" is an index look-up. A search
-- aid only: it is outside the chain, and verification never trusts it.
CREATE TABLE audit_record_object (
    object_id VARCHAR(200) NOT NULL,
    seq       BIGINT       NOT NULL,
    PRIMARY KEY (object_id, seq)
);

-- The single row that serialises appends and remembers the chain's end.
CREATE TABLE audit_chain_head (
    id        INTEGER     PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
