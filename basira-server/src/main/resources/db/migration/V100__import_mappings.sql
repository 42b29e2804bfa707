-- A store's saved column mapping of its platform's CSV exports (docs/import.md, "Platform exports"):
-- the JSON form of io.basira.server.csvimport.ColumnMapping, one per store.
CREATE TABLE import_mappings (
    store_id    BIGINT        NOT NULL REFERENCES stores (id),
    mapping     TEXT          NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (store_id)
);
