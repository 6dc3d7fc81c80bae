-- Requests for information (docs/rfi.md). The request carries its own marking (owner: the requesting
-- organisation); each addressed organisation has a row of its own with its state, assignee, thread and
-- responses. Attachments are ids only: each item keeps its own marking and is decided per reader.
CREATE TABLE exchange_rfi (
    id                        VARCHAR(36)   PRIMARY KEY,
    title                     VARCHAR(300)  NOT NULL,
    question                  VARCHAR(8000) NOT NULL,
    priority                  VARCHAR(16)   NOT NULL,
    due_at                    TIMESTAMP     NOT NULL,
    marking_id                VARCHAR(64)   NOT NULL,
    requester_user_id         VARCHAR(36)   NOT NULL,
    requester_organisation_id VARCHAR(36)   NOT NULL,
    cancelled                 BOOLEAN       NOT NULL,
    cancel_reason             VARCHAR(2000),
    created_at                TIMESTAMP     NOT NULL,
    updated_at                TIMESTAMP     NOT NULL
);
CREATE INDEX exchange_rfi_outgoing ON exchange_rfi (requester_organisation_id, created_at DESC, id DESC);

CREATE TABLE exchange_rfi_entity (
    rfi_id    VARCHAR(36) NOT NULL,
    position  INTEGER     NOT NULL,
    entity_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (rfi_id, position)
);

CREATE TABLE exchange_rfi_addressee (
    id                  VARCHAR(36)   PRIMARY KEY,
    rfi_id              VARCHAR(36)   NOT NULL,
    organisation_id     VARCHAR(36)   NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    assignee_user_id    VARCHAR(36),
    assigned_at         TIMESTAMP,
    first_answered_at   TIMESTAMP,
    answered_at         TIMESTAMP,
    closed_at           TIMESTAMP,
    state_reason        VARCHAR(2000),
    overdue_notified_at TIMESTAMP,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT exchange_rfi_addressee_once UNIQUE (rfi_id, organisation_id)
);
CREATE INDEX exchange_rfi_incoming ON exchange_rfi_addressee (organisation_id, rfi_id);
CREATE INDEX exchange_rfi_overdue ON exchange_rfi_addressee (state, overdue_notified_at);

CREATE TABLE exchange_rfi_message (
    id                     VARCHAR(36)   PRIMARY KEY,
    rfi_id                 VARCHAR(36)   NOT NULL,
    addressee_id           VARCHAR(36)   NOT NULL,
    kind                   VARCHAR(16)   NOT NULL,
    author_user_id         VARCHAR(36)   NOT NULL,
    author_organisation_id VARCHAR(36)   NOT NULL,
    body                   VARCHAR(8000) NOT NULL,
    created_at             TIMESTAMP     NOT NULL
);
CREATE INDEX exchange_rfi_thread ON exchange_rfi_message (addressee_id, created_at, id);

CREATE TABLE exchange_rfi_response (
    id             VARCHAR(36)   PRIMARY KEY,
    rfi_id         VARCHAR(36)   NOT NULL,
    addressee_id   VARCHAR(36)   NOT NULL,
    author_user_id VARCHAR(36)   NOT NULL,
    body           VARCHAR(8000) NOT NULL,
    created_at     TIMESTAMP     NOT NULL
);
CREATE INDEX exchange_rfi_responses ON exchange_rfi_response (addressee_id, created_at, id);

CREATE TABLE exchange_rfi_attachment (
    response_id VARCHAR(36) NOT NULL,
    position    INTEGER     NOT NULL,
    item_type   VARCHAR(16) NOT NULL,
    item_id     VARCHAR(36) NOT NULL,
    PRIMARY KEY (response_id, position)
);
