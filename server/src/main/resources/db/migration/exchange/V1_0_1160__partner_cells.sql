-- Partner cells this installation exchanges with (TAXII client, hit/no-hit, offline packages), and the
-- exchange log of every transfer with them.
CREATE TABLE exchange_partner_cell (
    id                      VARCHAR(36)   PRIMARY KEY,
    owner_organisation_id   VARCHAR(36)   NOT NULL,
    name                    VARCHAR(200)  NOT NULL,
    -- the local organisation that stands for the partner: its users' tokens are what the partner uses here
    organisation_id         VARCHAR(36)   NOT NULL,
    agreement_id            VARCHAR(36)   NOT NULL,
    base_url                VARCHAR(500),
    api_root                VARCHAR(64)   NOT NULL,
    contact                 VARCHAR(500),
    public_key              VARCHAR(200),
    -- the bearer token for calling the partner; never shown (see docs/partners.md on secrets at rest)
    token                   VARCHAR(500),
    created_by              VARCHAR(36)   NOT NULL,
    created_at              TIMESTAMP     NOT NULL,
    updated_at              TIMESTAMP     NOT NULL,
    CONSTRAINT exchange_partner_cell_once UNIQUE (owner_organisation_id, organisation_id)
);

CREATE TABLE exchange_transfer (
    id                      VARCHAR(36)   PRIMARY KEY,
    owner_organisation_id   VARCHAR(36)   NOT NULL,
    partner_id              VARCHAR(36),
    kind                    VARCHAR(20)   NOT NULL,
    at                      TIMESTAMP     NOT NULL,
    objects                 INTEGER       NOT NULL,
    outcome                 VARCHAR(10)   NOT NULL,
    detail                  VARCHAR(2000)
);
CREATE INDEX exchange_transfer_recent ON exchange_transfer (owner_organisation_id, at);
