package io.bulwark.engine.crypto;

import com.google.crypto.tink.AccessesPartialKey;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import io.bulwark.engine.api.Secret;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The key-encryption key of the local key store (D2): 32 bytes derived from the passphrase with
 * Argon2id (password4j), used as an AES-256-GCM key through Tink. The derived bytes live only
 * inside Tink's key object.
 *
 * @param memoryKib Argon2 memory in KiB
 * @param iterations Argon2 passes
 * @param parallelism Argon2 lanes
 * @param salt 16 random bytes, stored beside the key set
 */
record PassphraseKey(int memoryKib, int iterations, int parallelism, byte[] salt)
    implements KeyEncryptionKey {

  /** OWASP's Argon2id recommendation: 19 MiB, 2 passes, 1 lane. */
  static PassphraseKey defaults(byte[] salt) {
    return new PassphraseKey(19_456, 2, 1, salt);
  }

  PassphraseKey {
    salt = salt.clone();
    if (salt.length < 16) {
      throw new CryptoException("key store salt has " + salt.length + " bytes; at least 16 needed");
    }
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  /** The key-encryption key for this passphrase (builds a key from its bytes: a partial key). */
  @AccessesPartialKey
  Aead derive(Secret passphrase) {
    byte[] bytes = passphrase.utf8();
    byte[] derived = null;
    try {
      derived =
          Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID)
              .hash(bytes, salt)
              .getBytes();
      AesGcmParameters parameters =
          AesGcmParameters.builder()
              .setKeySizeBytes(32)
              .setIvSizeBytes(12)
              .setTagSizeBytes(16)
              .setVariant(AesGcmParameters.Variant.NO_PREFIX)
              .build();
      AesGcmKey key =
          AesGcmKey.builder()
              .setParameters(parameters)
              .setKeyBytes(SecretBytes.copyFrom(derived, InsecureSecretKeyAccess.get()))
              .build();
      return KeysetHandle.newBuilder()
          .addEntry(KeysetHandle.importKey(key).withFixedId(1).makePrimary())
          .build()
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot derive the key store's key-encryption key", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (derived != null) {
        Arrays.fill(derived, (byte) 0);
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PassphraseKey p
        && p.memoryKib == memoryKib
        && p.iterations == iterations
        && p.parallelism == parallelism
        && Arrays.equals(p.salt, salt);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(salt);
  }

  @Override
  public String toString() {
    return "argon2id(m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + ")";
  }
}
