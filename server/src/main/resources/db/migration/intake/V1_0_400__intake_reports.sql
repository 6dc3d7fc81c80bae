-- Reports contributed by agencies. The marking lives in access_marking (owned by the access module).
CREATE TABLE intake_report (
    id                          VARCHAR(36)      PRIMARY KEY,
    title                       VARCHAR(500)     NOT NULL,
    body                        TEXT             NOT NULL,
    language                    VARCHAR(8)       NOT NULL,
    occurred_at                 TIMESTAMP,
    reported_at                 TIMESTAMP        NOT NULL,
    place_name                  VARCHAR(300),
    latitude                    DOUBLE PRECISION,
    longitude                   DOUBLE PRECISION,
    source_reliability          CHAR(1)          NOT NULL,
    information_credibility     SMALLINT         NOT NULL,
    marking_id                  VARCHAR(36)      NOT NULL,
    originating_organisation_id VARCHAR(36)      NOT NULL,
    author_user_id              VARCHAR(36)      NOT NULL,
    retention_until             DATE,
    version                     INTEGER          NOT NULL,
    created_at                  TIMESTAMP        NOT NULL,
    updated_at                  TIMESTAMP        NOT NULL,
    CONSTRAINT intake_report_reliability CHECK (source_reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    CONSTRAINT intake_report_credibility CHECK (information_credibility BETWEEN 1 AND 6),
    CONSTRAINT intake_report_latitude CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    CONSTRAINT intake_report_longitude CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)
);
CREATE INDEX intake_report_listing ON intake_report (reported_at DESC, id DESC);
CREATE INDEX intake_report_marking ON intake_report (marking_id);
CREATE INDEX intake_report_origin ON intake_report (originating_organisation_id);
