-- Identity: users, groups, memberships (A2, A3, Z7). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
-- IDs are limited to 64 characters by the ID pattern (Z7); password_hash holds a PHC string (A3).
CREATE TABLE bw_user (
    id                   VARCHAR(64)              NOT NULL PRIMARY KEY,
    display_name         VARCHAR(255)             NOT NULL,
    password_hash        VARCHAR(512),
    must_change_password BOOLEAN                  NOT NULL,
    disabled             BOOLEAN                  NOT NULL,
    created              TIMESTAMP WITH TIME ZONE NOT NULL,
    revision             BIGINT                   NOT NULL
);

CREATE TABLE bw_group (
    id       VARCHAR(64)              NOT NULL PRIMARY KEY,
    name     VARCHAR(255)             NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL,
    revision BIGINT                   NOT NULL
);

CREATE TABLE bw_membership (
    user_id  VARCHAR(64) NOT NULL REFERENCES bw_user (id) ON DELETE CASCADE,
    group_id VARCHAR(64) NOT NULL REFERENCES bw_group (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
);

CREATE INDEX bw_membership_group ON bw_membership (group_id);
