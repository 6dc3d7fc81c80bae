-- Federated hit/no-hit (docs/hits.md): minimisation rules per agreement, each organisation's point of
-- contact, the queries this installation sent with the partners' answers, and the queries partners sent here.

-- How queries under an agreement are minimised; set by an administrator of a party. hash_key: base64 of the
-- shared secret agreed out of band between the cells (never shown on the API or a page).
CREATE TABLE exchange_hit_rule (
    agreement_id     VARCHAR(36)  PRIMARY KEY,
    name_key_dob     BOOLEAN      NOT NULL,
    birth_precision  VARCHAR(4)   NOT NULL,
    keyed_hash       BOOLEAN      NOT NULL,
    hash_key         VARCHAR(200),
    updated_by       VARCHAR(36)  NOT NULL,
    updated_at       TIMESTAMP    NOT NULL
);

CREATE TABLE exchange_hit_desk (
    organisation_id  VARCHAR(36)  PRIMARY KEY,
    contact          VARCHAR(500) NOT NULL,
    updated_by       VARCHAR(36)  NOT NULL,
    updated_at       TIMESTAMP    NOT NULL
);

-- Requesting side. subject: what the analyst typed, kept here only; each answer keeps the minimised JSON that
-- was sent to that partner (the birth-date precision and the hash key are per agreement).
CREATE TABLE exchange_hit_query (
    id                     VARCHAR(36)   PRIMARY KEY,
    owner_organisation_id  VARCHAR(36)   NOT NULL,
    requester_user_id      VARCHAR(36)   NOT NULL,
    kind                   VARCHAR(12)   NOT NULL,
    subject                VARCHAR(500)  NOT NULL,
    created_at             TIMESTAMP     NOT NULL
);
CREATE INDEX exchange_hit_query_owner ON exchange_hit_query (owner_organisation_id, created_at);

CREATE TABLE exchange_hit_answer (
    id                    VARCHAR(36)   PRIMARY KEY,
    query_id              VARCHAR(36)   NOT NULL REFERENCES exchange_hit_query (id),
    position              INTEGER       NOT NULL,
    partner_id            VARCHAR(36)   NOT NULL,
    partner_name          VARCHAR(200)  NOT NULL,
    sent                  VARCHAR(4000),
    outcome               VARCHAR(12)   NOT NULL,
    reference             VARCHAR(64),
    contact               VARCHAR(500),
    detail                VARCHAR(500),
    answered_at           TIMESTAMP     NOT NULL,
    release_state         VARCHAR(10)   NOT NULL,
    justification         VARCHAR(2000),
    release_message       VARCHAR(2000),
    decided_at            TIMESTAMP
);
CREATE INDEX exchange_hit_answer_query ON exchange_hit_answer (query_id, position);

-- Holding side: what a partner asked (the minimised form only), what matched (never told to the partner),
-- and the release request with the holder's decision.
CREATE TABLE exchange_hit_incoming (
    id                      VARCHAR(36)   PRIMARY KEY,
    holder_organisation_id  VARCHAR(36)   NOT NULL,
    partner_id              VARCHAR(36)   NOT NULL,
    caller_user_id          VARCHAR(36)   NOT NULL,
    caller_organisation_id  VARCHAR(36)   NOT NULL,
    requester_query_id      VARCHAR(64),
    minimised               VARCHAR(4000) NOT NULL,
    outcome                 VARCHAR(12)   NOT NULL,
    matched                 VARCHAR(4000) NOT NULL,
    received_at             TIMESTAMP     NOT NULL,
    release_state           VARCHAR(10)   NOT NULL,
    justification           VARCHAR(2000),
    release_requested_at    TIMESTAMP,
    decision_message        VARCHAR(2000),
    decided_by              VARCHAR(36),
    decided_at              TIMESTAMP
);
CREATE INDEX exchange_hit_incoming_holder ON exchange_hit_incoming (holder_organisation_id, received_at);
-- the ceiling on queries a minute per calling cell
CREATE INDEX exchange_hit_incoming_caller ON exchange_hit_incoming (caller_organisation_id, received_at);
