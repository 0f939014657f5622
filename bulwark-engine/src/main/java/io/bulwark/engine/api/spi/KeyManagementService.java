package io.bulwark.engine.api.spi;

import java.security.GeneralSecurityException;

/**
 * A key-management service (a cloud KMS, an HSM, Vault's transit engine) that holds the key store's
 * key-encryption key (D2), so that the key set which encrypts the embedded database and sensitive
 * values is never readable without asking it. Plug-ins are found with {@link
 * java.util.ServiceLoader}: a jar on the class path names its implementation in {@code
 * META-INF/services/io.bulwark.engine.api.spi.KeyManagementService}; the engine uses the first
 * whose {@link #supports} accepts the configured key URI. An implementation typically wraps Tink's
 * {@code KmsClient} for its provider ({@code tink-awskms}, {@code tink-gcpkms}): see {@code
 * docs/key-management-plugin.md}.
 *
 * <p>Both operations are authenticated encryption with associated data: {@code decrypt} must fail
 * when the ciphertext or the associated data was changed.
 */
public interface KeyManagementService {

  /** Whether this plug-in serves the key, e.g. {@code aws-kms://arn:aws:kms:…}. */
  boolean supports(String keyUri);

  /** Encrypts with the key {@code keyUri}, binding {@code associatedData}. */
  byte[] encrypt(String keyUri, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException;

  /**
   * Decrypts what {@link #encrypt} made with the same key and associated data.
   *
   * @throws GeneralSecurityException the key refuses (disabled, destroyed, no permission) or the
   *     ciphertext or associated data was changed
   */
  byte[] decrypt(String keyUri, byte[] ciphertext, byte[] associatedData)
      throws GeneralSecurityException;
}
