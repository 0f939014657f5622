-- Password recovery by e-mail (A11). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
-- A reset token is stored only as the SHA-256 of its 43 URL-safe characters (64 lower-case hex
-- digits), with the user's revision when it was issued: any later change of the user (a password
-- change, a newer request, a reset) makes it useless. At most one token per user lives at a time.
CREATE TABLE bw_password_reset_token (
    token_hash    VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id       VARCHAR(64)              NOT NULL REFERENCES bw_user (id) ON DELETE CASCADE,
    user_revision BIGINT                   NOT NULL,
    created       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX bw_password_reset_token_user ON bw_password_reset_token (user_id);

-- Every recovery request, known account or not, for the rate limits per client address and per
-- account; rows older than the limit window are deleted by the next request. user_id is NULL when
-- no account matched (no foreign key: the row must outlive a deleted user's window).
CREATE TABLE bw_password_reset_request (
    client_key VARCHAR(64)              NOT NULL,
    user_id    VARCHAR(64),
    created    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX bw_password_reset_request_client ON bw_password_reset_request (client_key, created);
CREATE INDEX bw_password_reset_request_user ON bw_password_reset_request (user_id, created);
CREATE INDEX bw_password_reset_request_created ON bw_password_reset_request (created);
