-- Attack response (docs/response.md). A response case is a cases_case of kind RESPONSE; these tables hold what
-- the response adds: the template it was opened from and the incident, the agencies with the checklist they
-- were given, the command roles, numbered situation reports with casualty figures (each with its source and
-- time, revised by later ones), press lines with four-eyes release, and the after-action review written at
-- closure. Nothing here carries a marking of its own: it is read through the case (its marking in force and
-- its participants).
CREATE TABLE resp_case (
    case_id              VARCHAR(36)   PRIMARY KEY,
    template_code        VARCHAR(64)   NOT NULL,
    incident_place       VARCHAR(500)  NOT NULL,
    incident_at          TIMESTAMP     NOT NULL,
    attack_type          VARCHAR(100)  NOT NULL,
    incident_id          VARCHAR(36),
    sitrep_every_minutes INTEGER       NOT NULL,
    next_sitrep_number   INTEGER       NOT NULL,
    sitrep_task_id       VARCHAR(36),
    opened_by            VARCHAR(36)   NOT NULL,
    opened_at            TIMESTAMP     NOT NULL
);

CREATE TABLE resp_agency (
    case_id         VARCHAR(36) NOT NULL,
    organisation_id VARCHAR(36) NOT NULL,
    sector          VARCHAR(64) NOT NULL,
    PRIMARY KEY (case_id, organisation_id)
);

-- the case tasks the response created: an agency's checklist items, and the rolling situation-report task
CREATE TABLE resp_task (
    task_id         VARCHAR(36) PRIMARY KEY,
    case_id         VARCHAR(36) NOT NULL,
    purpose         VARCHAR(16) NOT NULL,
    organisation_id VARCHAR(36) NOT NULL,
    sitrep_number   INTEGER
);
CREATE INDEX resp_task_case ON resp_task (case_id, purpose);

CREATE TABLE resp_role (
    case_id         VARCHAR(36) NOT NULL,
    role_code       VARCHAR(64) NOT NULL,
    user_id         VARCHAR(36) NOT NULL,
    organisation_id VARCHAR(36) NOT NULL,
    assigned_by     VARCHAR(36) NOT NULL,
    assigned_at     TIMESTAMP   NOT NULL,
    PRIMARY KEY (case_id, role_code)
);

CREATE TABLE resp_sitrep (
    id                     VARCHAR(36)   PRIMARY KEY,
    case_id                VARCHAR(36)   NOT NULL,
    number                 INTEGER       NOT NULL,
    language               VARCHAR(2)    NOT NULL,
    situation              VARCHAR(8000) NOT NULL,
    actions_taken          VARCHAR(8000),
    needs                  VARCHAR(8000),
    due_at                 TIMESTAMP,
    next_due_at            TIMESTAMP     NOT NULL,
    author_user_id         VARCHAR(36)   NOT NULL,
    author_organisation_id VARCHAR(36)   NOT NULL,
    written_at             TIMESTAMP     NOT NULL,
    CONSTRAINT resp_sitrep_number UNIQUE (case_id, number)
);

CREATE TABLE resp_figure (
    id          VARCHAR(36)  PRIMARY KEY,
    case_id     VARCHAR(36)  NOT NULL,
    sitrep_id   VARCHAR(36)  NOT NULL,
    category    VARCHAR(16)  NOT NULL,
    figure      INTEGER      NOT NULL,
    source      VARCHAR(500) NOT NULL,
    as_of       TIMESTAMP    NOT NULL,
    recorded_by VARCHAR(36)  NOT NULL,
    recorded_at TIMESTAMP    NOT NULL
);
CREATE INDEX resp_figure_case ON resp_figure (case_id, category, as_of, recorded_at);

CREATE TABLE resp_press_line (
    id                      VARCHAR(36)   PRIMARY KEY,
    case_id                 VARCHAR(36)   NOT NULL,
    language                VARCHAR(2)    NOT NULL,
    body                    VARCHAR(2000) NOT NULL,
    status                  VARCHAR(16)   NOT NULL,
    drafted_by              VARCHAR(36)   NOT NULL,
    drafted_organisation_id VARCHAR(36)   NOT NULL,
    drafted_at              TIMESTAMP     NOT NULL,
    decided_by              VARCHAR(36),
    decided_at              TIMESTAMP,
    decision_reason         VARCHAR(2000)
);
CREATE INDEX resp_press_line_case ON resp_press_line (case_id, drafted_at);

CREATE TABLE resp_review (
    case_id                 VARCHAR(36)   PRIMARY KEY,
    went_well               VARCHAR(8000) NOT NULL,
    to_improve              VARCHAR(8000) NOT NULL,
    actions                 VARCHAR(8000) NOT NULL,
    written_by              VARCHAR(36)   NOT NULL,
    written_organisation_id VARCHAR(36)   NOT NULL,
    written_at              TIMESTAMP     NOT NULL
);
