-- Research access (docs/research.md): a researcher's request for a dataset, addressed to one cell; the decision
-- of an approver of that cell; the exports made under an approved request, each logged with its row count and
-- the SHA-256 of the file. The file itself is kept so that the researcher downloads exactly what was logged.
CREATE TABLE research_request (
    id                        VARCHAR(36)   PRIMARY KEY,
    requester_user_id         VARCHAR(36)   NOT NULL,
    requester_organisation_id VARCHAR(36)   NOT NULL,
    cell_organisation_id      VARCHAR(36)   NOT NULL,
    purpose                   VARCHAR(4000) NOT NULL,
    ethics_reference          VARCHAR(200)  NOT NULL,
    ethics_body               VARCHAR(300)  NOT NULL,
    ethics_date               DATE          NOT NULL,
    ethics_document_sha256    VARCHAR(64),
    ethics_document_type      VARCHAR(100),
    dataset_kind              VARCHAR(32)   NOT NULL,
    fields                    VARCHAR(500)  NOT NULL,
    period_from               DATE          NOT NULL,
    period_to                 DATE          NOT NULL,
    output_form               VARCHAR(16)   NOT NULL,
    k                         INTEGER       NOT NULL,
    threshold                 INTEGER       NOT NULL,
    epsilon                   DOUBLE PRECISION,
    status                    VARCHAR(16)   NOT NULL,
    decided_by                VARCHAR(36),
    decided_at                TIMESTAMP,
    conditions                VARCHAR(4000),
    refusal_reason            VARCHAR(4000),
    created_at                TIMESTAMP     NOT NULL
);
CREATE INDEX research_request_requester ON research_request (requester_user_id, created_at DESC);
CREATE INDEX research_request_cell ON research_request (cell_organisation_id, created_at DESC);

CREATE TABLE research_export (
    id                VARCHAR(36)  PRIMARY KEY,
    request_id        VARCHAR(36)  NOT NULL REFERENCES research_request (id),
    made_by           VARCHAR(36)  NOT NULL,
    made_at           TIMESTAMP    NOT NULL,
    row_count         INTEGER      NOT NULL,
    suppressed_count  INTEGER      NOT NULL,
    sha256            VARCHAR(64)  NOT NULL,
    generalisation    VARCHAR(500) NOT NULL,
    content           TEXT         NOT NULL
);
CREATE INDEX research_export_request ON research_export (request_id, made_at);
