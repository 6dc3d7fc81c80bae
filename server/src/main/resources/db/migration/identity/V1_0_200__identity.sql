-- Organisations, agreements between them, users and their API tokens. Levels are stored by name and
-- ranked with the configured classification scheme at each read.
CREATE TABLE identity_organisation (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(40)  NOT NULL,
    sector      VARCHAR(40),
    country     VARCHAR(2)   NOT NULL,
    parent_id   VARCHAR(36)  REFERENCES identity_organisation (id),
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL
);

CREATE TABLE identity_agreement (
    id                 VARCHAR(36)  PRIMARY KEY,
    title              VARCHAR(300) NOT NULL,
    kind               VARCHAR(40)  NOT NULL,
    valid_from         DATE,
    valid_until        DATE,
    status             VARCHAR(16)  NOT NULL,
    max_classification VARCHAR(40)  NOT NULL,
    onward_sharing     BOOLEAN      NOT NULL,
    created_at         TIMESTAMP    NOT NULL,
    updated_at         TIMESTAMP    NOT NULL,
    CONSTRAINT identity_agreement_status CHECK (status IN ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED'))
);

CREATE TABLE identity_agreement_party (
    agreement_id    VARCHAR(36) NOT NULL REFERENCES identity_agreement (id),
    organisation_id VARCHAR(36) NOT NULL REFERENCES identity_organisation (id),
    PRIMARY KEY (agreement_id, organisation_id)
);
CREATE INDEX identity_agreement_party_org ON identity_agreement_party (organisation_id, agreement_id);

CREATE TABLE identity_agreement_scope (
    agreement_id     VARCHAR(36) NOT NULL REFERENCES identity_agreement (id),
    information_type VARCHAR(64) NOT NULL,
    PRIMARY KEY (agreement_id, information_type)
);

CREATE TABLE identity_agreement_project (
    agreement_id VARCHAR(36)  NOT NULL REFERENCES identity_agreement (id),
    position     INTEGER      NOT NULL,
    title        VARCHAR(300) NOT NULL,
    PRIMARY KEY (agreement_id, position)
);

CREATE TABLE identity_user (
    id              VARCHAR(36)  PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE,
    display_name    VARCHAR(200) NOT NULL,
    organisation_id VARCHAR(36)  NOT NULL REFERENCES identity_organisation (id),
    password_hash   VARCHAR(100) NOT NULL,
    clearance       VARCHAR(40)  NOT NULL,
    totp_secret     VARCHAR(64),
    totp_last_step  BIGINT,
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP,
    active          BOOLEAN      NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL
);
CREATE INDEX identity_user_org ON identity_user (organisation_id);

CREATE TABLE identity_user_role (
    user_id VARCHAR(36) NOT NULL REFERENCES identity_user (id),
    role    VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE identity_user_caveat (
    user_id VARCHAR(36) NOT NULL REFERENCES identity_user (id),
    caveat  VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, caveat)
);

-- Only the SHA-256 of a token is kept; the token itself is shown once at creation.
CREATE TABLE identity_api_token (
    id           VARCHAR(36)  PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES identity_user (id),
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    scopes       VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    revoked_at   TIMESTAMP,
    last_used_at TIMESTAMP
);
CREATE INDEX identity_api_token_user ON identity_api_token (user_id);
