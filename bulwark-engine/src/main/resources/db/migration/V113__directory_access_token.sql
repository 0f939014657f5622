-- A9, A8: users of the read-only directory (LDAP) get access tokens too. Their token names the
-- user in directory_user_id (no row in bw_user to refer to) and user_id stays NULL; a database
-- user's token keeps user_id and its cascade on delete. user_revision holds the directory entry's
-- revision, checked against the directory at every use (A10). Exactly one of the two is set.
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE bw_access_token ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE bw_access_token ADD COLUMN directory_user_id VARCHAR(64);
ALTER TABLE bw_access_token ADD CONSTRAINT bw_access_token_one_user
    CHECK ((user_id IS NULL AND directory_user_id IS NOT NULL)
        OR (user_id IS NOT NULL AND directory_user_id IS NULL));
CREATE INDEX bw_access_token_directory_user ON bw_access_token (directory_user_id);
