-- A9: an access token may be bound to the client address it was issued to; a bound token used from
-- another address is refused. NULL means not bound (issued with binding switched off, or before
-- this column existed). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE bw_access_token ADD COLUMN client VARCHAR(64);
