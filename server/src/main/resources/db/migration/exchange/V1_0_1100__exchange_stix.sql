-- STIX 2.1 exchange. Provenance of every item an import created (the STIX id it came with, its creator
-- identity, its original timestamps and the FusionCell extension as received), so that re-exporting the
-- item gives the same STIX object and importing it again is recognised. One row per item per importing
-- organisation: each organisation holds its own copy, as a second installation would.
CREATE TABLE exchange_stix_item (
    local_type        VARCHAR(20)  NOT NULL,
    local_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    stix_id           VARCHAR(200) NOT NULL,
    organisation_id   VARCHAR(36)  NOT NULL,
    created_by_ref    VARCHAR(200),
    stix_created      VARCHAR(30)  NOT NULL,
    stix_modified     VARCHAR(30)  NOT NULL,
    provenance        TEXT         NOT NULL,
    import_id         VARCHAR(36)  NOT NULL,
    imported_at       TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX exchange_stix_item_origin ON exchange_stix_item (stix_id, organisation_id);

-- STIX objects FusionCell has no item for (indicators, sightings, notes, groupings, malware, attack
-- patterns, observables other than identifiers…), kept as received under a marking of their own so that
-- they are exported again, to those who may see them, exactly as they came.
CREATE TABLE exchange_stix_object (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    stix_id           VARCHAR(200) NOT NULL,
    stix_type         VARCHAR(250) NOT NULL,
    organisation_id   VARCHAR(36)  NOT NULL,
    marking_id        VARCHAR(64)  NOT NULL,
    content           TEXT         NOT NULL,
    import_id         VARCHAR(36)  NOT NULL,
    imported_at       TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX exchange_stix_object_origin ON exchange_stix_object (stix_id, organisation_id);
CREATE INDEX exchange_stix_object_marking ON exchange_stix_object (marking_id);
