-- Action plans to prevent violent extremism (docs/plans.md). A plan carries a marking; everything under it
-- (priority areas, objectives, outputs, actions, indicators, measurements) is seen through the plan's marking.
-- Priority areas are copied into the plan from configuration when it is created, so that a plan keeps the areas
-- it was drafted and adopted with when the installation's default list changes.
CREATE TABLE plans_plan (
    id                    VARCHAR(36)   PRIMARY KEY,
    title                 VARCHAR(300)  NOT NULL,
    scope                 VARCHAR(16)   NOT NULL,
    country               VARCHAR(2)    NOT NULL,
    region                VARCHAR(200),
    version_label         VARCHAR(40)   NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    language              VARCHAR(2)    NOT NULL,
    period_start          DATE          NOT NULL,
    period_end            DATE          NOT NULL,
    owner_organisation_id VARCHAR(36)   NOT NULL,
    created_by            VARCHAR(36)   NOT NULL,
    last_changed_by       VARCHAR(36)   NOT NULL,
    marking_id            VARCHAR(64)   NOT NULL,
    version               INTEGER       NOT NULL,
    created_at            TIMESTAMP     NOT NULL,
    updated_at            TIMESTAMP     NOT NULL
);
CREATE INDEX plans_plan_recent ON plans_plan (updated_at DESC, id DESC);

CREATE TABLE plans_area (
    id        VARCHAR(36)  PRIMARY KEY,
    plan_id   VARCHAR(36)  NOT NULL REFERENCES plans_plan (id),
    code      VARCHAR(64)  NOT NULL,
    label_ar  VARCHAR(300) NOT NULL,
    label_fr  VARCHAR(300) NOT NULL,
    label_en  VARCHAR(300) NOT NULL,
    position  INTEGER      NOT NULL,
    CONSTRAINT plans_area_code UNIQUE (plan_id, code)
);

CREATE TABLE plans_objective (
    id         VARCHAR(36)   PRIMARY KEY,
    plan_id    VARCHAR(36)   NOT NULL REFERENCES plans_plan (id),
    area_id    VARCHAR(36)   NOT NULL REFERENCES plans_area (id),
    title      VARCHAR(500)  NOT NULL,
    created_at TIMESTAMP     NOT NULL
);

CREATE TABLE plans_output (
    id           VARCHAR(36)  PRIMARY KEY,
    plan_id      VARCHAR(36)  NOT NULL REFERENCES plans_plan (id),
    objective_id VARCHAR(36)  NOT NULL REFERENCES plans_objective (id),
    title        VARCHAR(500) NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);

-- Money: exact decimals with their ISO 4217 currency; never summed across currencies.
CREATE TABLE plans_action (
    id           VARCHAR(36)    PRIMARY KEY,
    plan_id      VARCHAR(36)    NOT NULL REFERENCES plans_plan (id),
    output_id    VARCHAR(36)    NOT NULL REFERENCES plans_output (id),
    title        VARCHAR(500)   NOT NULL,
    lead_body    VARCHAR(300)   NOT NULL,
    start_date   DATE           NOT NULL,
    end_date     DATE           NOT NULL,
    budget       DECIMAL(18, 2) NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    funded       DECIMAL(18, 2) NOT NULL,
    pledged      DECIMAL(18, 2) NOT NULL,
    donor        VARCHAR(300),
    status       VARCHAR(16)    NOT NULL,
    risks        VARCHAR(4000),
    created_at   TIMESTAMP      NOT NULL
);

CREATE TABLE plans_action_partner (
    action_id VARCHAR(36)  NOT NULL REFERENCES plans_action (id),
    position  INTEGER      NOT NULL,
    name      VARCHAR(300) NOT NULL,
    sector    VARCHAR(24)  NOT NULL,
    PRIMARY KEY (action_id, position)
);

CREATE TABLE plans_indicator (
    id         VARCHAR(36)    PRIMARY KEY,
    plan_id    VARCHAR(36)    NOT NULL REFERENCES plans_plan (id),
    action_id  VARCHAR(36)    NOT NULL REFERENCES plans_action (id),
    name       VARCHAR(500)   NOT NULL,
    unit       VARCHAR(60)    NOT NULL,
    baseline   DECIMAL(18, 4) NOT NULL,
    target     DECIMAL(18, 4) NOT NULL,
    frequency  VARCHAR(16)    NOT NULL,
    created_at TIMESTAMP      NOT NULL
);

-- A measurement with no dimension is the indicator's total (it drives progress); one with a sex, an age group or
-- an area is a disaggregated figure of the same date, shown as a breakdown.
CREATE TABLE plans_measurement (
    id           VARCHAR(36)    PRIMARY KEY,
    plan_id      VARCHAR(36)    NOT NULL REFERENCES plans_plan (id),
    indicator_id VARCHAR(36)    NOT NULL REFERENCES plans_indicator (id),
    measured_on  DATE           NOT NULL,
    measured     DECIMAL(18, 4) NOT NULL,
    sex          VARCHAR(16),
    age_group    VARCHAR(16),
    area         VARCHAR(200),
    evidence     VARCHAR(2000)  NOT NULL,
    recorded_by  VARCHAR(36)    NOT NULL,
    recorded_at  TIMESTAMP      NOT NULL
);
CREATE INDEX plans_measurement_indicator ON plans_measurement (indicator_id, measured_on);
