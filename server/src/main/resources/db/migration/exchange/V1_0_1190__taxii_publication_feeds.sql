-- Publication of the installation's own items into TAXII collections, the originator approvals that let a
-- TLP:RED or originator-controlled item into one, and the TAXII client's feeds (pull and push) with their cursors.
ALTER TABLE exchange_taxii_collection ADD COLUMN publishes BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE exchange_release_approval (
    collection_id   VARCHAR(36)   NOT NULL,
    item_id         VARCHAR(36)   NOT NULL,
    approved_by     VARCHAR(36)   NOT NULL,
    approved_at     TIMESTAMP     NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    CONSTRAINT exchange_release_approval_pk PRIMARY KEY (collection_id, item_id)
);

-- which local item each published STIX object stands for: revoked when the item is erased or no longer qualifies
CREATE TABLE exchange_published_item (
    collection_id   VARCHAR(36)   NOT NULL,
    stix_id         VARCHAR(120)  NOT NULL,
    item_type       VARCHAR(20)   NOT NULL,
    item_id         VARCHAR(36)   NOT NULL,
    last_version    VARCHAR(40)   NOT NULL,
    revoked         BOOLEAN       NOT NULL,
    CONSTRAINT exchange_published_item_pk PRIMARY KEY (collection_id, stix_id)
);
CREATE INDEX exchange_published_item_item ON exchange_published_item (item_id);

CREATE TABLE exchange_taxii_feed (
    id                      VARCHAR(36)   PRIMARY KEY,
    owner_organisation_id   VARCHAR(36)   NOT NULL,
    partner_id              VARCHAR(36)   NOT NULL,
    direction               VARCHAR(4)    NOT NULL,
    remote_collection_id    VARCHAR(100)  NOT NULL,
    -- PUSH: the local collection whose objects (as the partner may read them) are sent
    local_collection_id     VARCHAR(36),
    interval_seconds        INTEGER       NOT NULL,
    enabled                 BOOLEAN       NOT NULL,
    -- PULL: the partner's date added of the last object applied, exactly as it sent it; PUSH: ours, of the last sent
    cursor_added            VARCHAR(40),
    next_run_at             TIMESTAMP     NOT NULL,
    -- a run in progress holds the feed until then (one run at a time per feed, on any node)
    claimed_until           TIMESTAMP,
    last_run_at             TIMESTAMP,
    last_outcome            VARCHAR(10),
    last_error              VARCHAR(2000),
    objects_total           BIGINT        NOT NULL,
    created_by              VARCHAR(36)   NOT NULL,
    created_at              TIMESTAMP     NOT NULL
);
CREATE INDEX exchange_taxii_feed_due ON exchange_taxii_feed (enabled, next_run_at);

-- STIX objects a partner revoked, per receiving organisation: revocation is final (STIX 2.1 §3.6), so an
-- earlier version arriving later (a feed started again, an old package) is not imported again
CREATE TABLE exchange_stix_revoked (
    stix_id           VARCHAR(200) NOT NULL,
    organisation_id   VARCHAR(36)  NOT NULL,
    revoked_at        TIMESTAMP    NOT NULL,
    CONSTRAINT exchange_stix_revoked_pk PRIMARY KEY (stix_id, organisation_id)
);
