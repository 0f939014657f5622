-- D1: users' e-mail addresses (and addresses waiting for their link) as Tink AEAD ciphertexts of
-- the key store's key set, bound to their row; email_key names the key (also the ciphertext's
-- first five bytes) and email_hash is the keyed hash (Tink HMAC-SHA256 PRF, 64 hex digits) of the
-- lower-cased address that finds a user by address. An engine without a key store keeps the clear
-- address in email as before. Rows in clear or under an older key are encrypted at start, in
-- batches; the columns are the marker. Same SQL on H2 (both modes) and PostgreSQL.
ALTER TABLE bw_user ADD COLUMN email_cipher BYTEA;
ALTER TABLE bw_user ADD COLUMN email_key INTEGER;
ALTER TABLE bw_user ADD COLUMN email_hash VARCHAR(64);
CREATE INDEX bw_user_email_hash ON bw_user (email_hash);
CREATE INDEX bw_user_email_key ON bw_user (email_key);
ALTER TABLE bw_email_verification ALTER COLUMN email DROP NOT NULL;
ALTER TABLE bw_email_verification ADD COLUMN email_cipher BYTEA;
ALTER TABLE bw_email_verification ADD COLUMN email_key INTEGER;
