-- D1, D2: a variable marked sensitive is stored as a Tink AEAD ciphertext in bytes_value (its
-- text, long and double columns stay empty) and cipher_key names the key that encrypted it (also
-- the first five bytes of the ciphertext). NULL: a clear value. Rotation re-encrypts the rows
-- whose cipher_key is not the primary key, in batches; the column is its marker.
ALTER TABLE bw_variable ADD COLUMN cipher_key INTEGER;
ALTER TABLE bw_hi_variable_update ADD COLUMN cipher_key INTEGER;
CREATE INDEX bw_variable_cipher_key ON bw_variable (cipher_key);
CREATE INDEX bw_hi_variable_update_cipher_key ON bw_hi_variable_update (cipher_key);
-- Serializes nodes that start at once, so that at most one re-encryption job exists (D2).
INSERT INTO bw_schedule_lock (name) VALUES ('variable-reencrypt');
