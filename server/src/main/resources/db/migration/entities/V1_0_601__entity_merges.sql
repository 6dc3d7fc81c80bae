-- Entity resolution. A merge keeps the merged-away entities (provenance) and records every row it
-- re-pointed to the survivor, so that a split undoes exactly that merge and nothing else.
-- no index on merged_into: nearly every row is NULL, and an index on it lures the planner away from
-- the primary key (entities are only ever read by id, key or listing order with this as a filter)
ALTER TABLE entity ADD COLUMN merged_into VARCHAR(36);

CREATE TABLE entity_merge (
    id                     VARCHAR(36)   PRIMARY KEY,
    survivor_id            VARCHAR(36)   NOT NULL,
    reason                 VARCHAR(1000) NOT NULL,
    -- JSON: attribute keys the merge added to the survivor, with the entity each came from
    filled_attributes      TEXT          NOT NULL,
    merged_by              VARCHAR(36)   NOT NULL,
    merged_by_organisation VARCHAR(36)   NOT NULL,
    merged_at              TIMESTAMP     NOT NULL,
    split_by               VARCHAR(36),
    split_by_organisation  VARCHAR(36),
    split_at               TIMESTAMP,
    split_reason           VARCHAR(1000)
);
CREATE INDEX entity_merge_survivor ON entity_merge (survivor_id, merged_at);

CREATE TABLE entity_merge_member (
    merge_id  VARCHAR(36) NOT NULL,
    entity_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (merge_id, entity_id)
);
CREATE INDEX entity_merge_member_entity ON entity_merge_member (entity_id);

-- What a merge moved: a mention (row_ref = mention id), one end of a link (LINK_FROM / LINK_TO,
-- row_ref = link id) or a correlation row (row_ref = identifier key; added = the survivor's row was
-- inserted by this merge rather than already held).
CREATE TABLE entity_merge_move (
    merge_id         VARCHAR(36)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    row_ref          VARCHAR(400) NOT NULL,
    origin_entity_id VARCHAR(36)  NOT NULL,
    added            BOOLEAN      NOT NULL,
    PRIMARY KEY (merge_id, kind, row_ref, origin_entity_id),
    CONSTRAINT entity_merge_move_kind CHECK (kind IN ('MENTION', 'LINK_FROM', 'LINK_TO', 'CORRELATION'))
);

-- Name lookup keys of people and groups (consonant skeletons of each name part, the same in every
-- script): a few rows per entity, none for a merged-away one. The entity's type and marking are kept
-- beside each key so that merge suggestions find candidates in this index alone, with the reader's
-- access predicate on the marking in the same query: a hidden entity never takes a candidate's place.
CREATE TABLE entity_name_key (
    name_key    VARCHAR(120) NOT NULL,
    entity_id   VARCHAR(36)  NOT NULL,
    entity_type VARCHAR(32)  NOT NULL,
    marking_id  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (name_key, entity_id)
);
CREATE INDEX entity_name_key_lookup ON entity_name_key (name_key, entity_type, marking_id, entity_id);
CREATE INDEX entity_name_key_entity ON entity_name_key (entity_id);
