-- Coordination and participation around a plan (docs/plans.md, issue #9 points 4 and 5), and the agreement (an MoU
-- of the identity module, referenced by id only) under which an action is a joint project. Everything here belongs
-- to one plan and is seen through the plan's marking; organisations are named as written (donors, UN agencies and
-- associations are mostly not organisations of the installation).
ALTER TABLE plans_action ADD COLUMN agreement_id VARCHAR(36);
ALTER TABLE plans_action ADD COLUMN joint_project VARCHAR(300);

CREATE TABLE plans_working_group (
    id         VARCHAR(36)  PRIMARY KEY,
    plan_id    VARCHAR(36)  NOT NULL REFERENCES plans_plan (id),
    name       VARCHAR(300) NOT NULL,
    kind       VARCHAR(24)  NOT NULL,
    chair      VARCHAR(300),
    created_at TIMESTAMP    NOT NULL
);
CREATE INDEX plans_working_group_plan ON plans_working_group (plan_id);

CREATE TABLE plans_working_group_member (
    working_group_id VARCHAR(36)  NOT NULL REFERENCES plans_working_group (id),
    position         INTEGER      NOT NULL,
    organisation     VARCHAR(300) NOT NULL,
    PRIMARY KEY (working_group_id, position)
);

CREATE TABLE plans_meeting (
    id               VARCHAR(36)   PRIMARY KEY,
    plan_id          VARCHAR(36)   NOT NULL REFERENCES plans_plan (id),
    working_group_id VARCHAR(36)   NOT NULL REFERENCES plans_working_group (id),
    held_on          DATE          NOT NULL,
    place            VARCHAR(300)  NOT NULL,
    minutes          VARCHAR(4000),
    created_at       TIMESTAMP     NOT NULL
);
CREATE INDEX plans_meeting_plan ON plans_meeting (plan_id);

CREATE TABLE plans_meeting_participant (
    meeting_id   VARCHAR(36)  NOT NULL REFERENCES plans_meeting (id),
    position     INTEGER      NOT NULL,
    organisation VARCHAR(300) NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE plans_decision (
    id         VARCHAR(36)   PRIMARY KEY,
    plan_id    VARCHAR(36)   NOT NULL REFERENCES plans_plan (id),
    meeting_id VARCHAR(36)   NOT NULL REFERENCES plans_meeting (id),
    position   INTEGER       NOT NULL,
    text       VARCHAR(2000) NOT NULL
);

CREATE TABLE plans_follow_up (
    id          VARCHAR(36)   PRIMARY KEY,
    plan_id     VARCHAR(36)   NOT NULL REFERENCES plans_plan (id),
    decision_id VARCHAR(36)   NOT NULL REFERENCES plans_decision (id),
    position    INTEGER       NOT NULL,
    what        VARCHAR(1000) NOT NULL,
    owner       VARCHAR(300)  NOT NULL,
    due_on      DATE          NOT NULL,
    status      VARCHAR(16)   NOT NULL
);

-- Capacity-needs assessment: needs per institution in a priority area of the plan, offers of support, and which
-- offer supports which need.
CREATE TABLE plans_capacity_need (
    id          VARCHAR(36)   PRIMARY KEY,
    plan_id     VARCHAR(36)   NOT NULL REFERENCES plans_plan (id),
    institution VARCHAR(300)  NOT NULL,
    area_id     VARCHAR(36)   NOT NULL REFERENCES plans_area (id),
    description VARCHAR(2000) NOT NULL,
    priority    VARCHAR(8)    NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);
CREATE INDEX plans_capacity_need_plan ON plans_capacity_need (plan_id);

CREATE TABLE plans_support_offer (
    id           VARCHAR(36)    PRIMARY KEY,
    plan_id      VARCHAR(36)    NOT NULL REFERENCES plans_plan (id),
    organisation VARCHAR(300)   NOT NULL,
    what         VARCHAR(2000)  NOT NULL,
    amount       DECIMAL(18, 2),
    currency     VARCHAR(3),
    created_at   TIMESTAMP      NOT NULL
);

CREATE TABLE plans_support_match (
    id         VARCHAR(36) PRIMARY KEY,
    plan_id    VARCHAR(36) NOT NULL REFERENCES plans_plan (id),
    need_id    VARCHAR(36) NOT NULL REFERENCES plans_capacity_need (id),
    offer_id   VARCHAR(36) NOT NULL REFERENCES plans_support_offer (id),
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT plans_support_match_once UNIQUE (need_id, offer_id)
);

-- Participation: who takes part in the plan (whole of government, whole of society) and the consultations held.
CREATE TABLE plans_participant (
    id           VARCHAR(36)  PRIMARY KEY,
    plan_id      VARCHAR(36)  NOT NULL REFERENCES plans_plan (id),
    organisation VARCHAR(300) NOT NULL,
    sector       VARCHAR(24)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);
CREATE INDEX plans_participant_plan ON plans_participant (plan_id);

-- women + men <= participants and youth <= participants (checked by the application, kept by the database too).
CREATE TABLE plans_consultation (
    id           VARCHAR(36)   PRIMARY KEY,
    plan_id      VARCHAR(36)   NOT NULL REFERENCES plans_plan (id),
    held_on      DATE          NOT NULL,
    place        VARCHAR(300)  NOT NULL,
    kind         VARCHAR(24)   NOT NULL,
    organiser    VARCHAR(300)  NOT NULL,
    participants INTEGER       NOT NULL,
    women        INTEGER       NOT NULL,
    men          INTEGER       NOT NULL,
    youth        INTEGER       NOT NULL,
    summary      VARCHAR(4000),
    created_at   TIMESTAMP     NOT NULL,
    CONSTRAINT plans_consultation_numbers CHECK (participants >= 0 AND women >= 0 AND men >= 0 AND youth >= 0
        AND women + men <= participants AND youth <= participants)
);
CREATE INDEX plans_consultation_plan ON plans_consultation (plan_id);

CREATE TABLE plans_consultation_organisation (
    consultation_id VARCHAR(36)  NOT NULL REFERENCES plans_consultation (id),
    position        INTEGER      NOT NULL,
    organisation    VARCHAR(300) NOT NULL,
    PRIMARY KEY (consultation_id, position)
);
