-- Fresh latest versions without a round trip (issue 13 item 5; DESIGN "Caches"). An engine keeps
-- the latest version of each process key in memory; a start by key that trusts that memory adds,
-- in the same message as its writes, an INSERT of the definition ID into this table that selects a
-- row only when the ID is no longer the latest version of its key (another node deployed a newer
-- one or deleted it). The check below refuses every row, so a stale start fails, is rolled back
-- whole and runs once more with the version read from the database. The table is always empty.
CREATE TABLE bw_definition_guard (
    definition_id VARCHAR(64),
    CONSTRAINT bw_definition_guard_stale CHECK (definition_id IS NULL)
);
