-- Signed-in web sessions of every node (A10), so that a user or an administrator sees and ends
-- them wherever they live. Same SQL on H2 (PostgreSQL mode) and PostgreSQL. A session is named by
-- a random handle of 128 bits (32 lower-case hex digits) that is neither its session ID nor derived
-- from it. The node checks its row at every request: a row ended elsewhere (ended = TRUE) or gone
-- ends the session there. last_used is written at most once per interval the server sets, not per
-- request. user_id has no foreign key: directory (LDAP) users have no bw_user row (A8).
CREATE TABLE bw_user_session (
    handle     VARCHAR(32)              NOT NULL PRIMARY KEY,
    user_id    VARCHAR(64)              NOT NULL,
    node       VARCHAR(128)             NOT NULL,
    client     VARCHAR(64)              NOT NULL,
    user_agent VARCHAR(256)             NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended      BOOLEAN                  NOT NULL
);

CREATE INDEX bw_user_session_user ON bw_user_session (user_id);
CREATE INDEX bw_user_session_last_used ON bw_user_session (last_used);
