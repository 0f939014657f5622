-- A changed e-mail address waits here until the user follows the link mailed to it (A11, Z9). Same
-- SQL on H2 (PostgreSQL mode) and PostgreSQL. The token is stored only as the SHA-256 of its 43
-- URL-safe characters (64 lower-case hex digits); at most one change per user waits at a time. Until
-- the link is followed, bw_user.email keeps the old, verified address (where recovery links go).
CREATE TABLE bw_email_verification (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id    VARCHAR(64)              NOT NULL REFERENCES bw_user (id) ON DELETE CASCADE,
    email      VARCHAR(255)             NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX bw_email_verification_user ON bw_email_verification (user_id);
