-- The tamper-evident audit log (D4, A7, E6): one append-only hash chain per database, whatever
-- the number of nodes. Each record carries the hash of the one before it (prev_hash) and its own
-- hash over all its fields (SHA-256, hex). bw_audit_head holds the chain's last sequence number and
-- hash in its single row; an append locks that row (SELECT ... FOR UPDATE) inside its transaction,
-- so that appends from every node are serialized into one chain without forks, and a removed tail
-- is noticed. bw_audit_checkpoint holds signatures (Tink, Ed25519) over the hash of every
-- hundredth record, made with the signing key of the local key store (embedded storage only).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE bw_audit_head (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);

INSERT INTO bw_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE bw_audit_record (
    seq       BIGINT                   NOT NULL PRIMARY KEY,
    recorded  TIMESTAMP WITH TIME ZONE NOT NULL,
    node      VARCHAR(128)             NOT NULL,
    principal VARCHAR(128),
    kind      VARCHAR(64)              NOT NULL,
    subject   VARCHAR(256),
    details   VARCHAR(4000)            NOT NULL,
    prev_hash VARCHAR(64)              NOT NULL,
    hash      VARCHAR(64)              NOT NULL
);

CREATE TABLE bw_audit_checkpoint (
    seq       BIGINT                   NOT NULL PRIMARY KEY,
    hash      VARCHAR(64)              NOT NULL,
    signed    TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id    BIGINT                   NOT NULL,
    signature VARCHAR(512)             NOT NULL
);
