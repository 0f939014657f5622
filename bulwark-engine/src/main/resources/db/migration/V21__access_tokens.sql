-- Access tokens of the integration API (A9). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
-- Only the SHA-256 of a token is stored (64 lower-case hex digits); the token itself never is.
-- Deleting a user deletes its tokens; revoking a token deletes its row.
CREATE TABLE bw_access_token (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id    VARCHAR(64)              NOT NULL REFERENCES bw_user (id) ON DELETE CASCADE,
    created    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX bw_access_token_user ON bw_access_token (user_id);
CREATE INDEX bw_access_token_expires ON bw_access_token (expires);
