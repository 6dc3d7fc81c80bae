-- Offline packages (docs/packages.md): the installation's package-signing key, and every package this
-- installation built for a partner or imported from one.

-- One Ed25519 key pair per installation, made on first use. The private key (PKCS#8, base64) sits in the
-- database: whoever can read this table can sign packages as this installation (see docs/packages.md,
-- "The signing key", on protecting and replacing it).
CREATE TABLE exchange_package_key (
    id             VARCHAR(20)   PRIMARY KEY,
    public_key     VARCHAR(200)  NOT NULL,
    private_key    VARCHAR(200)  NOT NULL,
    fingerprint    VARCHAR(64)   NOT NULL,
    created_at     TIMESTAMP     NOT NULL
);

-- direction EXPORTED: built here for partner_id; IMPORTED: received from partner_id. The same package id
-- appears once per organisation and direction: a second import of a package is recognised and refused.
CREATE TABLE exchange_package (
    package_id              VARCHAR(36)   NOT NULL,
    owner_organisation_id   VARCHAR(36)   NOT NULL,
    direction               VARCHAR(10)   NOT NULL,
    partner_id              VARCHAR(36)   NOT NULL,
    partner_name            VARCHAR(200)  NOT NULL,
    collection_id           VARCHAR(36)   NOT NULL,
    collection_title        VARCHAR(200)  NOT NULL,
    created_at              TIMESTAMP     NOT NULL,
    since                   TIMESTAMP,
    first_added             TIMESTAMP,
    last_added              TIMESTAMP,
    objects                 INTEGER       NOT NULL,
    more_follow             BOOLEAN       NOT NULL,
    sha256                  VARCHAR(64)   NOT NULL,
    signer_fingerprint      VARCHAR(64)   NOT NULL,
    -- for an import (ReceivedObjects.Applied): objects that became items or were kept, corrections,
    -- revocations, and objects already held
    added                   INTEGER,
    corrected               INTEGER,
    revoked                 INTEGER,
    unchanged               INTEGER,
    by_user_id              VARCHAR(36)   NOT NULL,
    at                      TIMESTAMP     NOT NULL,
    CONSTRAINT exchange_package_pk PRIMARY KEY (package_id, owner_organisation_id, direction)
);
CREATE INDEX exchange_package_recent ON exchange_package (owner_organisation_id, at);
CREATE INDEX exchange_package_resume ON exchange_package (owner_organisation_id, partner_id, collection_id, direction, last_added);
