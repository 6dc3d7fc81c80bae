-- Markings are immutable rows; an item points at its current marking by marking_id.
CREATE TABLE access_marking (
    id                    VARCHAR(36)  PRIMARY KEY,
    classification_rank   INTEGER      NOT NULL,
    tlp                   VARCHAR(16)  NOT NULL,
    originator_control    BOOLEAN      NOT NULL,
    owner_organisation_id VARCHAR(36)  NOT NULL,
    created_at            TIMESTAMP    NOT NULL,
    CONSTRAINT access_marking_tlp CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
    CONSTRAINT access_marking_rank CHECK (classification_rank >= 0)
);
CREATE INDEX access_marking_owner ON access_marking (owner_organisation_id);

-- Releasability and caveats: ORG, ORG_TYPE, AGREEMENT, USER (TLP:RED recipients), CAVEAT.
CREATE TABLE access_marking_term (
    marking_id VARCHAR(36)  NOT NULL REFERENCES access_marking (id),
    kind       VARCHAR(16)  NOT NULL,
    term       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (marking_id, kind, term),
    CONSTRAINT access_marking_term_kind CHECK (kind IN ('ORG', 'ORG_TYPE', 'AGREEMENT', 'USER', 'CAVEAT'))
);
CREATE INDEX access_marking_term_lookup ON access_marking_term (kind, term, marking_id);
