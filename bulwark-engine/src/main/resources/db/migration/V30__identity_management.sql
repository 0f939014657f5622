-- Identity management (issue 12): user profiles, group types, tenants and their memberships, and
-- the registry of identity IDs that keeps deleted IDs as tombstones (Z6). Portable SQL: runs
-- unchanged on H2 (any mode) and PostgreSQL.
ALTER TABLE bw_user ADD COLUMN first_name VARCHAR(255);
ALTER TABLE bw_user ADD COLUMN last_name VARCHAR(255);
ALTER TABLE bw_user ADD COLUMN email VARCHAR(255);

ALTER TABLE bw_group ADD COLUMN group_type VARCHAR(255);

CREATE TABLE bw_tenant (
    id       VARCHAR(64)              NOT NULL PRIMARY KEY,
    name     VARCHAR(255)             NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL,
    revision BIGINT                   NOT NULL
);

CREATE TABLE bw_tenant_user (
    tenant_id VARCHAR(64) NOT NULL REFERENCES bw_tenant (id) ON DELETE CASCADE,
    user_id   VARCHAR(64) NOT NULL REFERENCES bw_user (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE INDEX bw_tenant_user_user ON bw_tenant_user (user_id);

CREATE TABLE bw_tenant_group (
    tenant_id VARCHAR(64) NOT NULL REFERENCES bw_tenant (id) ON DELETE CASCADE,
    group_id  VARCHAR(64) NOT NULL REFERENCES bw_group (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, group_id)
);

CREATE INDEX bw_tenant_group_group ON bw_tenant_group (group_id);

-- One row per user, group or tenant ID ever created (kind USER, GROUP or TENANT). While the
-- identity lives, deleted is NULL; deleting it sets deleted and deleted_by and keeps the row, so
-- that the ID cannot be created again (the primary key refuses it even against a concurrent
-- delete) until an administrator purges the row (Z6).
CREATE TABLE bw_identity_id (
    kind       VARCHAR(16)              NOT NULL,
    id         VARCHAR(64)              NOT NULL,
    deleted    TIMESTAMP WITH TIME ZONE,
    deleted_by VARCHAR(64),
    PRIMARY KEY (kind, id)
);

INSERT INTO bw_identity_id (kind, id) SELECT 'USER', id FROM bw_user;
INSERT INTO bw_identity_id (kind, id) SELECT 'GROUP', id FROM bw_group;
