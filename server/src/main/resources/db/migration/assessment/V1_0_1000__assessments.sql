-- Threat assessments and the cell's other products; every version kept; workflow, receipts, threat levels.
CREATE TABLE assessment_product (
    id                 VARCHAR(36)  PRIMARY KEY,
    product_type       VARCHAR(30)  NOT NULL,
    state              VARCHAR(20)  NOT NULL,
    current_version    INTEGER      NOT NULL,
    title              VARCHAR(500) NOT NULL,
    language           VARCHAR(5)   NOT NULL,
    subject_type       VARCHAR(10)  NOT NULL,
    subject_reference  VARCHAR(200),
    subject_label      VARCHAR(300),
    threat_level       VARCHAR(40),
    marking_id         VARCHAR(64)  NOT NULL,
    author_user_id     VARCHAR(36)  NOT NULL,
    organisation_id    VARCHAR(36)  NOT NULL,
    approved_by        VARCHAR(36),
    approved_at        TIMESTAMP,
    disseminated_at    TIMESTAMP,
    withdrawal_reason  VARCHAR(2000),
    supersedes         VARCHAR(36),
    superseded_by      VARCHAR(36),
    sanitised_from     VARCHAR(36),
    created_at         TIMESTAMP    NOT NULL,
    updated_at         TIMESTAMP    NOT NULL
);
CREATE INDEX assessment_product_org ON assessment_product (organisation_id, updated_at);
CREATE INDEX assessment_product_marking ON assessment_product (marking_id);

CREATE TABLE assessment_version (
    assessment_id VARCHAR(36) NOT NULL,
    version       INTEGER     NOT NULL,
    content       TEXT        NOT NULL,
    marking_id    VARCHAR(64) NOT NULL,
    written_by    VARCHAR(36) NOT NULL,
    written_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (assessment_id, version)
);

CREATE TABLE assessment_contributor (
    assessment_id VARCHAR(36) NOT NULL,
    user_id       VARCHAR(36) NOT NULL,
    PRIMARY KEY (assessment_id, user_id)
);

-- every workflow step with who, when and why (submitted, sent back, approved, disseminated, withdrawn…)
CREATE TABLE assessment_step (
    id            VARCHAR(36)   PRIMARY KEY,
    assessment_id VARCHAR(36)   NOT NULL,
    version       INTEGER       NOT NULL,
    step          VARCHAR(30)   NOT NULL,
    actor_user_id VARCHAR(36)   NOT NULL,
    note          VARCHAR(2000),
    at            TIMESTAMP     NOT NULL
);
CREATE INDEX assessment_step_product ON assessment_step (assessment_id, at);

CREATE TABLE assessment_comment (
    id             VARCHAR(36)   PRIMARY KEY,
    assessment_id  VARCHAR(36)   NOT NULL,
    version        INTEGER       NOT NULL,
    author_user_id VARCHAR(36)   NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    portion        VARCHAR(100),
    created_at     TIMESTAMP     NOT NULL
);
CREATE INDEX assessment_comment_product ON assessment_comment (assessment_id, created_at);

CREATE TABLE assessment_receipt (
    assessment_id             VARCHAR(36)   NOT NULL,
    recipient_user_id         VARCHAR(36)   NOT NULL,
    recipient_organisation_id VARCHAR(36)   NOT NULL,
    version                   INTEGER       NOT NULL,
    delivered_at              TIMESTAMP     NOT NULL,
    delivered_by              VARCHAR(36)   NOT NULL,
    read_at                   TIMESTAMP,
    feedback                  VARCHAR(20),
    feedback_note             VARCHAR(2000),
    feedback_at               TIMESTAMP,
    withdrawn_notice_at       TIMESTAMP,
    PRIMARY KEY (assessment_id, recipient_user_id)
);
CREATE INDEX assessment_receipt_inbox ON assessment_receipt (recipient_user_id, delivered_at);

-- a sanitised version awaits the approval of each organisation whose cited evidence it no longer covers
CREATE TABLE assessment_originator_approval (
    assessment_id   VARCHAR(36)   NOT NULL,
    organisation_id VARCHAR(36)   NOT NULL,
    approved_by     VARCHAR(36),
    approved_at     TIMESTAMP,
    note            VARCHAR(2000),
    PRIMARY KEY (assessment_id, organisation_id)
);

CREATE TABLE assessment_indicator_watch (
    assessment_id   VARCHAR(36) NOT NULL,
    indicator_index INTEGER     NOT NULL,
    user_id         VARCHAR(36) NOT NULL,
    watch_id        VARCHAR(36) NOT NULL,
    PRIMARY KEY (assessment_id, indicator_index, user_id)
);

-- threat levels per area or sector, each set by a disseminated assessment; the newest not withdrawn is current
CREATE TABLE assessment_threat_level (
    id                     VARCHAR(36)   PRIMARY KEY,
    scope_type             VARCHAR(10)   NOT NULL,
    scope_key              VARCHAR(200)  NOT NULL,
    scope_label            VARCHAR(300),
    level                  VARCHAR(40)   NOT NULL,
    assessment_id          VARCHAR(36)   NOT NULL,
    marking_id             VARCHAR(64)   NOT NULL,
    public_summary         VARCHAR(2000),
    set_at                 TIMESTAMP     NOT NULL,
    set_by_user_id         VARCHAR(36)   NOT NULL,
    set_by_organisation_id VARCHAR(36)   NOT NULL,
    withdrawn_at           TIMESTAMP
);
CREATE INDEX assessment_threat_level_scope ON assessment_threat_level (scope_type, scope_key, set_at);
