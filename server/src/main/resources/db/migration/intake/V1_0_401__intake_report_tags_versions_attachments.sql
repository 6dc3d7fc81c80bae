-- Tags (taxonomy:value codes from configuration), every version of a report, and attachments by content hash.
CREATE TABLE intake_report_tag (
    report_id VARCHAR(36)  NOT NULL REFERENCES intake_report (id),
    tag       VARCHAR(200) NOT NULL,
    PRIMARY KEY (report_id, tag)
);
CREATE INDEX intake_report_tag_by_tag ON intake_report_tag (tag, report_id);

-- Full content of each version; tags as one newline-separated text so a version is one row.
CREATE TABLE intake_report_version (
    report_id               VARCHAR(36)      NOT NULL REFERENCES intake_report (id),
    version                 INTEGER          NOT NULL,
    title                   VARCHAR(500)     NOT NULL,
    body                    TEXT             NOT NULL,
    language                VARCHAR(8)       NOT NULL,
    occurred_at             TIMESTAMP,
    place_name              VARCHAR(300),
    latitude                DOUBLE PRECISION,
    longitude               DOUBLE PRECISION,
    source_reliability      CHAR(1)          NOT NULL,
    information_credibility SMALLINT         NOT NULL,
    marking_id              VARCHAR(36)      NOT NULL,
    retention_until         DATE,
    tags                    TEXT             NOT NULL,
    changed_by              VARCHAR(36)      NOT NULL,
    changed_at              TIMESTAMP        NOT NULL,
    reason                  VARCHAR(1000),
    PRIMARY KEY (report_id, version)
);

-- Reports stored before versioning get their current content as version 1.
INSERT INTO intake_report_version (report_id, version, title, body, language, occurred_at, place_name, latitude,
    longitude, source_reliability, information_credibility, marking_id, retention_until, tags, changed_by, changed_at,
    reason)
SELECT id, version, title, body, language, occurred_at, place_name, latitude, longitude, source_reliability,
    information_credibility, marking_id, retention_until, '', author_user_id, updated_at, NULL
FROM intake_report;

CREATE TABLE intake_attachment (
    id           VARCHAR(36)  PRIMARY KEY,
    report_id    VARCHAR(36)  NOT NULL REFERENCES intake_report (id),
    sha256       CHAR(64)     NOT NULL,
    size         BIGINT       NOT NULL,
    media_type   VARCHAR(200) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    added_by     VARCHAR(36)  NOT NULL,
    added_at     TIMESTAMP    NOT NULL
);
CREATE INDEX intake_attachment_report ON intake_attachment (report_id, added_at);
CREATE INDEX intake_attachment_sha ON intake_attachment (sha256);
