-- An installation's own bulletin templates: one per product type (THREAT_ASSESSMENT, SITUATION_REPORT,
-- PARTNER_ALERT) and language (ar, fr, en), replacing the default shipped in bulletin-templates/. Deleting
-- the row brings the default back. The source is validated before it is stored (known fields only).
CREATE TABLE assessment_bulletin_template (
    product_type  VARCHAR(32)  NOT NULL,
    language      VARCHAR(8)   NOT NULL,
    source        TEXT         NOT NULL,
    updated_by    VARCHAR(36)  NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    CONSTRAINT assessment_bulletin_template_pk PRIMARY KEY (product_type, language),
    CONSTRAINT assessment_bulletin_template_type CHECK (product_type IN ('THREAT_ASSESSMENT', 'SITUATION_REPORT', 'PARTNER_ALERT')),
    CONSTRAINT assessment_bulletin_template_language CHECK (language IN ('ar', 'fr', 'en'))
);
