-- Access requests after a hit/no-hit notice. Ids, states and the two parties' own words only: never
-- any content of the requested item (its level is what the hit notice already told the requester).
CREATE TABLE release_access_request (
    id                        VARCHAR(36)   PRIMARY KEY,
    item_type                 VARCHAR(16)   NOT NULL,
    item_id                   VARCHAR(36)   NOT NULL,
    requester_user_id         VARCHAR(36)   NOT NULL,
    requester_organisation_id VARCHAR(36)   NOT NULL,
    holder_organisation_id    VARCHAR(36)   NOT NULL,
    classification_rank       INTEGER       NOT NULL,
    justification             VARCHAR(2000) NOT NULL,
    state                     VARCHAR(16)   NOT NULL,
    decided_by                VARCHAR(36),
    decision_reason           VARCHAR(2000),
    created_at                TIMESTAMP     NOT NULL,
    decided_at                TIMESTAMP
);
CREATE INDEX release_request_incoming ON release_access_request (holder_organisation_id, created_at DESC, id DESC);
CREATE INDEX release_request_outgoing ON release_access_request (requester_user_id, created_at DESC, id DESC);
CREATE INDEX release_request_item ON release_access_request (item_type, item_id, requester_user_id, state);
