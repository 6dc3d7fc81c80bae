-- Response templates defined by an administrator (docs/response.md), beside those shipped with the application:
-- the template's JSON as checked when it was defined; a code is never reused.
CREATE TABLE resp_template (
    code        VARCHAR(64) PRIMARY KEY,
    body        TEXT        NOT NULL,
    defined_by  VARCHAR(36) NOT NULL,
    defined_at  TIMESTAMP   NOT NULL
);
