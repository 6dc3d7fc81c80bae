-- Intelligence requirements (docs/requirements.md). A requirement carries its own marking: base_marking_id as its
-- author wrote it, marking_id the one in force (the tasked organisations added to its releasability). Collection
-- tasks address one organisation each; answers link reports (which keep their own markings) to a requirement and
-- optionally one of its tasks.
CREATE TABLE rq_requirement (
    id                    VARCHAR(36)   PRIMARY KEY,
    code                  VARCHAR(40)   NOT NULL,
    title                 VARCHAR(300)  NOT NULL,
    question              VARCHAR(8000) NOT NULL,
    priority              VARCHAR(16)   NOT NULL,
    owner_organisation_id VARCHAR(36)   NOT NULL,
    valid_from            TIMESTAMP     NOT NULL,
    valid_until           TIMESTAMP,
    status                VARCHAR(16)   NOT NULL,
    status_reason         VARCHAR(2000),
    created_by            VARCHAR(36)   NOT NULL,
    base_marking_id       VARCHAR(64)   NOT NULL,
    marking_id            VARCHAR(64)   NOT NULL,
    version               INTEGER       NOT NULL,
    created_at            TIMESTAMP     NOT NULL,
    updated_at            TIMESTAMP     NOT NULL,
    CONSTRAINT rq_requirement_code UNIQUE (owner_organisation_id, code)
);
CREATE INDEX rq_requirement_recent ON rq_requirement (status, updated_at DESC, id);

CREATE TABLE rq_task (
    id                  VARCHAR(36)   PRIMARY KEY,
    requirement_id      VARCHAR(36)   NOT NULL REFERENCES rq_requirement (id),
    organisation_id     VARCHAR(36)   NOT NULL,
    indicators          VARCHAR(8000) NOT NULL,
    due_at              TIMESTAMP,
    status              VARCHAR(16)   NOT NULL,
    status_reason       VARCHAR(2000),
    created_by          VARCHAR(36)   NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    overdue_notified_at TIMESTAMP
);
CREATE INDEX rq_task_requirement ON rq_task (requirement_id, organisation_id);
CREATE INDEX rq_task_due ON rq_task (status, due_at);

CREATE TABLE rq_answer (
    id              VARCHAR(36)   PRIMARY KEY,
    requirement_id  VARCHAR(36)   NOT NULL REFERENCES rq_requirement (id),
    task_id         VARCHAR(36)   REFERENCES rq_task (id),
    report_id       VARCHAR(36)   NOT NULL,
    note            VARCHAR(2000),
    linked_by       VARCHAR(36)   NOT NULL,
    linked_organisation_id VARCHAR(36) NOT NULL,
    linked_at       TIMESTAMP     NOT NULL,
    CONSTRAINT rq_answer_once UNIQUE (requirement_id, report_id)
);
CREATE INDEX rq_answer_task ON rq_answer (task_id);
