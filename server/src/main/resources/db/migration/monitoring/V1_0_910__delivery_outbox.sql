-- The delivery outbox of alert notices (monitoring.delivery). One row per alert, channel and target,
-- written in the transaction that stores the alert; a worker sends it after commit and again after a
-- crash (claimed_until lets one thread of one node hold a row while it sends). The row id is the
-- delivery id: fixed here, reused on every retry, so that receivers can drop a repeated delivery.
-- channel: INBOX (live push to the user's open streams), EMAIL (one mail), DIGEST (one mail listing
-- the notices of a period), WEBHOOK (signed POST). target: the user for INBOX, EMAIL and DIGEST, the
-- webhook id for WEBHOOK. alert_id of a DIGEST row is "digest:<period>" (H2026-11-22T17, D2026-11-22).
-- payload: the notice as JSON, as the recipient may see it; address: the mail address at scheduling.
-- last_error: a short technical reason (status code, exception class), never personal data.
CREATE TABLE monitoring_delivery (
    id                 VARCHAR(36)   PRIMARY KEY,
    alert_id           VARCHAR(100)  NOT NULL,
    recipient_user_id  VARCHAR(36)   NOT NULL,
    channel            VARCHAR(16)   NOT NULL,
    target             VARCHAR(36)   NOT NULL,
    address            VARCHAR(320),
    payload            TEXT          NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    attempts           INTEGER       NOT NULL,
    next_attempt_at    TIMESTAMP     NOT NULL,
    claimed_until      TIMESTAMP,
    claim_token        VARCHAR(36),
    last_error         VARCHAR(300),
    created_at         TIMESTAMP     NOT NULL,
    delivered_at       TIMESTAMP,
    CONSTRAINT monitoring_delivery_once UNIQUE (alert_id, channel, target),
    CONSTRAINT monitoring_delivery_channel CHECK (channel IN ('INBOX', 'EMAIL', 'DIGEST', 'WEBHOOK')),
    CONSTRAINT monitoring_delivery_state CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD'))
);
CREATE INDEX monitoring_delivery_due ON monitoring_delivery (state, next_attempt_at);
CREATE INDEX monitoring_delivery_recipient ON monitoring_delivery (recipient_user_id, state, created_at DESC);

-- Notices waiting for a user's digest: one per user and alert; digest_id is set, in the transaction
-- that writes the DIGEST row, to that row's id, so a notice is listed in exactly one digest.
CREATE TABLE monitoring_digest_item (
    user_id      VARCHAR(36)   NOT NULL,
    alert_id     VARCHAR(100)  NOT NULL,
    payload      TEXT          NOT NULL,
    period       VARCHAR(8)    NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    digest_id    VARCHAR(36),
    CONSTRAINT monitoring_digest_item_pk PRIMARY KEY (user_id, alert_id),
    CONSTRAINT monitoring_digest_item_period CHECK (period IN ('HOURLY', 'DAILY'))
);
CREATE INDEX monitoring_digest_item_open ON monitoring_digest_item (digest_id, user_id, created_at);
