package io.bulwark.engine.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.prf.HmacPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import io.bulwark.engine.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The keyed hash that finds an encrypted value by its clear text (D1): Tink's HMAC-SHA256 PRF with
 * a key set kept, encrypted, in the local key store. The same text always gives the same hash, so
 * an equality lookup (a user by e-mail address) runs in SQL on the hash column while the value
 * itself is stored as AEAD ciphertext; without the key, a hash cannot be tested against guesses.
 * Thread-safe (Tink's primitives are).
 */
public final class LookupHash {

  /** Length of a hash: 32 bytes as lower-case hex. */
  public static final int HEX_LENGTH = 64;

  private static final int BYTES = HEX_LENGTH / 2;

  static {
    try {
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final PrfSet prf;

  private LookupHash(KeysetHandle keys) throws GeneralSecurityException {
    this.prf = keys.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
  }

  /** A new key set, serialized for the key store (base64 of Tink's binary format). */
  static String newKeyset() {
    try {
      HmacPrfParameters parameters =
          HmacPrfParameters.builder()
              .setKeySizeBytes(32)
              .setHashType(HmacPrfParameters.HashType.SHA256)
              .build();
      KeysetHandle keys = KeysetHandle.generateNew(parameters);
      return Base64.getEncoder()
          .encodeToString(
              TinkProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot create the lookup hash key", e);
    }
  }

  /** The hash of a key set from {@link LocalKeyStore#lookupHashKeyset()}. */
  public static LookupHash of(Secret keyset) {
    try {
      byte[] bytes = Base64.getDecoder().decode(new String(keyset.reveal()));
      return new LookupHash(
          TinkProtoKeysetFormat.parseKeyset(bytes, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CryptoException("the lookup hash key in the key store is damaged", e);
    }
  }

  /**
   * The hash of {@code text} in its {@code purpose} (so that equal texts of different kinds do not
   * share a hash), lower-case hex of {@value #HEX_LENGTH} digits.
   */
  public String hash(String purpose, String text) {
    try {
      byte[] input = (purpose + "\u0000" + text).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(prf.computePrimary(input, BYTES));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("lookup hash failed", e);
    }
  }
}
