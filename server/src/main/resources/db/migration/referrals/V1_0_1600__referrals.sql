-- Online content and its referral to technology platforms (docs/referrals.md). A content record is an information
-- item with a marking; its latest assessment against the inclusion policy is kept on it (each assessment is in the
-- audit log). A referral discloses part of the content to one platform organisation and follows its life; every
-- step is a row of referrals_step with its actor.
CREATE TABLE referrals_content (
    id                       VARCHAR(36)   PRIMARY KEY,
    url                      VARCHAR(2048) NOT NULL,
    url_host                 VARCHAR(255)  NOT NULL,
    platform_organisation_id VARCHAR(36)   NOT NULL,
    account                  VARCHAR(300),
    language                 VARCHAR(3)    NOT NULL,
    captured_text            TEXT,
    captured_at              TIMESTAMP     NOT NULL,
    marking_id               VARCHAR(64)   NOT NULL,
    owner_organisation_id    VARCHAR(36)   NOT NULL,
    created_by               VARCHAR(36)   NOT NULL,
    created_at               TIMESTAMP     NOT NULL,
    in_scope                 BOOLEAN,
    category                 VARCHAR(64),
    listed_entity            VARCHAR(300),
    rationale                TEXT,
    assessed_by              VARCHAR(36),
    assessed_at              TIMESTAMP
);
CREATE INDEX referrals_content_recent ON referrals_content (created_at DESC, id DESC);
CREATE INDEX referrals_content_platform ON referrals_content (platform_organisation_id);

CREATE TABLE referrals_content_file (
    id          VARCHAR(36)  PRIMARY KEY,
    content_id  VARCHAR(36)  NOT NULL REFERENCES referrals_content (id),
    sha256      VARCHAR(64)  NOT NULL,
    size        BIGINT       NOT NULL,
    media_type  VARCHAR(200) NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    added_by    VARCHAR(36)  NOT NULL,
    added_at    TIMESTAMP    NOT NULL
);
CREATE INDEX referrals_content_file_content ON referrals_content_file (content_id);

CREATE TABLE referrals_referral (
    id                       VARCHAR(36)   PRIMARY KEY,
    content_id               VARCHAR(36)   NOT NULL REFERENCES referrals_content (id),
    platform_organisation_id VARCHAR(36)   NOT NULL,
    owner_organisation_id    VARCHAR(36)   NOT NULL,
    category                 VARCHAR(64)   NOT NULL,
    basis                    VARCHAR(2000) NOT NULL,
    state                    VARCHAR(16)   NOT NULL,
    referred_by              VARCHAR(36)   NOT NULL,
    referred_at              TIMESTAMP     NOT NULL,
    acknowledged_at          TIMESTAMP,
    outcome                  VARCHAR(16),
    outcome_note             VARCHAR(2000),
    outcome_at               TIMESTAMP,
    appellant                VARCHAR(16),
    appeal_reason            VARCHAR(2000),
    appealed_at              TIMESTAMP,
    appeal_outcome           VARCHAR(16),
    appeal_decision_reason   VARCHAR(2000),
    appeal_decided_by        VARCHAR(36),
    appeal_decided_at        TIMESTAMP,
    reminded_at              TIMESTAMP,
    reminders                INTEGER       NOT NULL,
    rechecked_at             TIMESTAMP,
    still_online             BOOLEAN,
    version                  INTEGER       NOT NULL
);
CREATE INDEX referrals_referral_platform ON referrals_referral (platform_organisation_id, referred_at DESC);
CREATE INDEX referrals_referral_content ON referrals_referral (content_id);
CREATE INDEX referrals_referral_waiting ON referrals_referral (state, referred_at);

CREATE TABLE referrals_step (
    id                    VARCHAR(36)   PRIMARY KEY,
    referral_id           VARCHAR(36)   NOT NULL REFERENCES referrals_referral (id),
    step                  VARCHAR(32)   NOT NULL,
    detail                VARCHAR(2000),
    actor_user_id         VARCHAR(100)  NOT NULL,
    actor_organisation_id VARCHAR(36)   NOT NULL,
    taken_at              TIMESTAMP     NOT NULL
);
CREATE INDEX referrals_step_referral ON referrals_step (referral_id, taken_at);
