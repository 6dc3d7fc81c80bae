-- Incidents: structured records of attacks and violent events, entered by hand, recorded from a report, or
-- imported from a dataset (UCDP GED…). Each carries a marking like a report and is read under it.
-- week_start (ISO week, Monday) and month_start (first day) are computed in Java when the row is written:
-- date truncation is spelled differently in H2 and PostgreSQL, and stored columns make GROUP BY plain.
CREATE TABLE monitoring_incident (
    id                     VARCHAR(36)      PRIMARY KEY,
    incident_date          DATE             NOT NULL,
    end_date               DATE,
    date_precision         VARCHAR(16)      NOT NULL,
    week_start             DATE             NOT NULL,
    month_start            DATE             NOT NULL,
    place_name             VARCHAR(300),
    country                VARCHAR(3),
    admin1                 VARCHAR(200),
    admin1_code            VARCHAR(20),
    latitude               DOUBLE PRECISION,
    longitude              DOUBLE PRECISION,
    attack_type            VARCHAR(64)      NOT NULL,
    target_type            VARCHAR(64),
    weapon                 VARCHAR(64),
    perpetrator_group      VARCHAR(500),
    perpetrator_entity_id  VARCHAR(36),
    fatalities             INTEGER          NOT NULL,
    injuries               INTEGER          NOT NULL,
    sources                TEXT             NOT NULL,
    description            TEXT,
    marking_id             VARCHAR(36)      NOT NULL,
    owner_organisation_id  VARCHAR(36)      NOT NULL,
    report_id              VARCHAR(36),
    external_source        VARCHAR(64),
    external_id            VARCHAR(200),
    import_id              VARCHAR(36),
    recorded_at            TIMESTAMP        NOT NULL,
    recorded_by            VARCHAR(64)      NOT NULL,
    CONSTRAINT monitoring_incident_counts CHECK (fatalities >= 0 AND injuries >= 0),
    -- a re-import of the same dataset row by the same organisation is recognised, not duplicated
    CONSTRAINT monitoring_incident_external UNIQUE (owner_organisation_id, external_source, external_id)
);
CREATE INDEX monitoring_incident_marking ON monitoring_incident (marking_id);
CREATE INDEX monitoring_incident_date ON monitoring_incident (incident_date, id);
CREATE INDEX monitoring_incident_country ON monitoring_incident (country, admin1);
CREATE INDEX monitoring_incident_report ON monitoring_incident (report_id);
