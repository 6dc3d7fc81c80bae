-- Watchlists, their versions and their entries. A list has one marking (the UN and OFAC lists are
-- unclassified TLP:CLEAR; a national list may be restricted); its versions and entries are read under it.
CREATE TABLE screening_watchlist (
    id                 VARCHAR(36)  PRIMARY KEY,
    name               VARCHAR(100) NOT NULL,
    marking_id         VARCHAR(36)  NOT NULL,
    current_version_id VARCHAR(36),
    created_at         TIMESTAMP    NOT NULL,
    created_by         VARCHAR(36)  NOT NULL,
    CONSTRAINT screening_watchlist_name UNIQUE (name)
);
CREATE INDEX screening_watchlist_marking ON screening_watchlist (marking_id);

-- One row per import that changed something (an identical re-import creates none; it is audited).
CREATE TABLE screening_watchlist_version (
    id                VARCHAR(36)  PRIMARY KEY,
    watchlist_id      VARCHAR(36)  NOT NULL REFERENCES screening_watchlist (id),
    number            INTEGER      NOT NULL,
    format            VARCHAR(32)  NOT NULL,
    publisher_version VARCHAR(200),
    generated_at      TIMESTAMP,
    imported_at       TIMESTAMP    NOT NULL,
    imported_by       VARCHAR(36)  NOT NULL,
    added             INTEGER      NOT NULL,
    changed           INTEGER      NOT NULL,
    delisted          INTEGER      NOT NULL,
    entry_count       INTEGER      NOT NULL,
    CONSTRAINT screening_version_number UNIQUE (watchlist_id, number)
);

-- Entries are kept as validity intervals, not copied into every version: a row is one content of one
-- entry, valid from version number from_number (the version_id that introduced it) until to_number
-- (exclusive; NULL while current). An unchanged entry is one row however many versions it lives
-- through; a changed entry closes its row and opens a new one; a delisted entry closes its row and
-- keeps its whole history. payload is the WatchlistEntry as JSON; content_hash its SHA-256.
CREATE TABLE screening_watchlist_entry (
    id             VARCHAR(36)   PRIMARY KEY,
    watchlist_id   VARCHAR(36)   NOT NULL REFERENCES screening_watchlist (id),
    version_id     VARCHAR(36)   NOT NULL REFERENCES screening_watchlist_version (id),
    reference      VARCHAR(200)  NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    primary_name   VARCHAR(1000) NOT NULL,
    from_number    INTEGER       NOT NULL,
    to_number      INTEGER,
    change_kind    VARCHAR(8)    NOT NULL,
    changed_fields VARCHAR(500),
    payload        TEXT          NOT NULL,
    content_hash   VARCHAR(64)   NOT NULL,
    CONSTRAINT screening_entry_change CHECK (change_kind IN ('ADDED', 'CHANGED'))
);
CREATE INDEX screening_entry_reference ON screening_watchlist_entry (watchlist_id, reference, from_number);
CREATE INDEX screening_entry_from ON screening_watchlist_entry (watchlist_id, from_number);
CREATE INDEX screening_entry_to ON screening_watchlist_entry (watchlist_id, to_number);
