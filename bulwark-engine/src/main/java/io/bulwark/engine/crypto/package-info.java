/**
 * Keys the customer controls (D2) and encryption at rest (D1): the local key store, a file in the
 * data directory holding a Tink key set wrapped by a key-encryption key derived from a passphrase
 * (Argon2id), and the secrets it protects, such as the password of the encrypted embedded database
 * file. All cryptography is Tink's (AES-256-GCM); nothing here implements a cipher.
 */
package io.bulwark.engine.crypto;
