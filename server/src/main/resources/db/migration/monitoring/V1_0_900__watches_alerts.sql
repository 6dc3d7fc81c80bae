-- Watches (standing queries) and the alerts they raise, one row per recipient.
CREATE TABLE monitoring_watch (
    id                      VARCHAR(36)  PRIMARY KEY,
    name                    VARCHAR(200) NOT NULL,
    kind                    VARCHAR(20)  NOT NULL,
    criterion               TEXT         NOT NULL,
    severity                VARCHAR(10)  NOT NULL,
    owner_user_id           VARCHAR(36)  NOT NULL,
    owner_organisation_id   VARCHAR(36)  NOT NULL,
    shared                  BOOLEAN      NOT NULL,
    recipient_users         TEXT         NOT NULL,
    recipient_organisations TEXT         NOT NULL,
    escalate_after_minutes  INTEGER,
    active                  BOOLEAN      NOT NULL,
    version                 INTEGER      NOT NULL,
    created_at              TIMESTAMP    NOT NULL,
    updated_at              TIMESTAMP    NOT NULL,
    removed_at              TIMESTAMP
);
CREATE INDEX monitoring_watch_owner ON monitoring_watch (owner_user_id);
CREATE INDEX monitoring_watch_org ON monitoring_watch (owner_organisation_id);

CREATE TABLE monitoring_alert (
    id                     VARCHAR(36)   PRIMARY KEY,
    watch_id               VARCHAR(36)   NOT NULL,
    watch_name             VARCHAR(200)  NOT NULL,
    recipient_user_id      VARCHAR(36)   NOT NULL,
    item_type              VARCHAR(40)   NOT NULL,
    item_id                VARCHAR(36)   NOT NULL,
    item_marking_id        VARCHAR(36),
    item_organisation_id   VARCHAR(36)   NOT NULL,
    disclosure             VARCHAR(20)   NOT NULL,
    headline               VARCHAR(500),
    summary                VARCHAR(2000),
    holder_organisation_id VARCHAR(36),
    level                  VARCHAR(40),
    severity               VARCHAR(10)   NOT NULL,
    state                  VARCHAR(20)   NOT NULL,
    raised_at              TIMESTAMP     NOT NULL,
    state_changed_at       TIMESTAMP,
    state_changed_by       VARCHAR(36),
    note                   VARCHAR(1000),
    escalated_from         VARCHAR(36),
    escalate_at            TIMESTAMP,
    occurrences            INTEGER       NOT NULL,
    last_matched_at        TIMESTAMP     NOT NULL,
    CONSTRAINT monitoring_alert_once UNIQUE (watch_id, recipient_user_id, item_type, item_id)
);
CREATE INDEX monitoring_alert_inbox ON monitoring_alert (recipient_user_id, raised_at);
CREATE INDEX monitoring_alert_escalation ON monitoring_alert (escalate_at);
CREATE INDEX monitoring_alert_item ON monitoring_alert (item_type, item_id);
