-- D2: the key set of the nodes that share this database, wrapped under the key-encryption key (a
-- Tink key set encrypted as in the key store file, never in clear), with a version that each
-- online rotation or destroy increments, so that the other nodes follow without a restart.
CREATE TABLE bw_key_set (
    id INTEGER NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    wrapped_keys VARCHAR(100000) NOT NULL
);

-- Which key-set version each running node encrypts with, and when it last said so (epoch ms):
-- the re-encryption job keeps running, and a destroy is refused, while a live node lags.
CREATE TABLE bw_key_node (
    node_id VARCHAR(200) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    seen_at_ms BIGINT NOT NULL
);
