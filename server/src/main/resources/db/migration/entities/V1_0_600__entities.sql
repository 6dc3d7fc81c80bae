-- Entities (people, groups, places, identifiers…), their mentions in reports, typed links between
-- them, extraction proposals, and correlation by normalised identifier key. Every row that carries
-- information has its own marking_id (access_marking, owned by the access module).
CREATE TABLE entity (
    id                    VARCHAR(36)  PRIMARY KEY,
    entity_type           VARCHAR(32)  NOT NULL,
    label                 VARCHAR(500) NOT NULL,
    label_lower           VARCHAR(500) NOT NULL,
    identifier_key        VARCHAR(400),
    attributes            TEXT         NOT NULL,
    marking_id            VARCHAR(36)  NOT NULL,
    owner_organisation_id VARCHAR(36)  NOT NULL,
    created_by            VARCHAR(36)  NOT NULL,
    created_at            TIMESTAMP    NOT NULL
);
CREATE INDEX entity_listing ON entity (created_at DESC, id DESC);
CREATE INDEX entity_marking ON entity (marking_id);
CREATE INDEX entity_key_marking ON entity (identifier_key, marking_id);

-- Linear correlation storage: one row per entity per key, never one per pair of reports or entities.
-- Keys on the configured warning list (emergency numbers…) get no row.
CREATE TABLE entity_correlation (
    identifier_key VARCHAR(400) NOT NULL,
    entity_id      VARCHAR(36)  NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    PRIMARY KEY (identifier_key, entity_id)
);

CREATE TABLE entity_mention (
    id          VARCHAR(36) PRIMARY KEY,
    report_id   VARCHAR(36) NOT NULL,
    entity_id   VARCHAR(36) NOT NULL,
    marking_id  VARCHAR(36) NOT NULL,
    created_by  VARCHAR(36) NOT NULL,
    created_at  TIMESTAMP   NOT NULL,
    CONSTRAINT entity_mention_once UNIQUE (report_id, entity_id)
);
CREATE INDEX entity_mention_entity ON entity_mention (entity_id);

CREATE TABLE entity_link (
    id               VARCHAR(36)      PRIMARY KEY,
    from_entity_id   VARCHAR(36)      NOT NULL,
    to_entity_id     VARCHAR(36)      NOT NULL,
    link_type        VARCHAR(32)      NOT NULL,
    report_id        VARCHAR(36),
    confidence       DOUBLE PRECISION NOT NULL,
    valid_from       DATE,
    valid_to         DATE,
    marking_id       VARCHAR(36)      NOT NULL,
    created_by       VARCHAR(36)      NOT NULL,
    created_at       TIMESTAMP        NOT NULL,
    CONSTRAINT entity_link_confidence CHECK (confidence BETWEEN 0 AND 1)
);
CREATE INDEX entity_link_from ON entity_link (from_entity_id);
CREATE INDEX entity_link_to ON entity_link (to_entity_id);

-- A report's text is scanned once; the row makes the listener and the on-demand path idempotent.
CREATE TABLE entity_extraction (
    report_id    VARCHAR(36) PRIMARY KEY,
    extracted_at TIMESTAMP   NOT NULL
);

CREATE TABLE entity_proposal (
    id             VARCHAR(36)  PRIMARY KEY,
    report_id      VARCHAR(36)  NOT NULL,
    entity_type    VARCHAR(32)  NOT NULL,
    identifier_key VARCHAR(400),
    proposed_value VARCHAR(500) NOT NULL,
    attributes     TEXT         NOT NULL,
    start_offset   INTEGER      NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    entity_id      VARCHAR(36),
    decided_by     VARCHAR(36),
    decided_at     TIMESTAMP,
    created_at     TIMESTAMP    NOT NULL,
    CONSTRAINT entity_proposal_state CHECK (state IN ('PROPOSED', 'CONFIRMED', 'REJECTED'))
);
CREATE INDEX entity_proposal_report ON entity_proposal (report_id, start_offset);
