-- A10: a token remembers the revision its user had when it was issued; any later change of the
-- user (password changed or reset, disabled, profile) makes it invalid at its next use, on every
-- node. Tokens issued before this column existed have no revision and are refused.
ALTER TABLE bw_access_token ADD COLUMN user_revision BIGINT;
