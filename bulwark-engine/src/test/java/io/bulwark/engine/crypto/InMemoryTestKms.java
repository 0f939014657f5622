package io.bulwark.engine.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bulwark.engine.api.spi.KeyManagementService;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key-management plug-in for tests, found through {@code META-INF/services} as a real one is: it
 * serves {@code test-kms://NAME} keys, each a Tink AES-GCM key held in this JVM's memory, the way a
 * KMS holds keys the caller never sees. {@link #disable} makes a key refuse, as a revoked key does.
 */
public final class InMemoryTestKms implements KeyManagementService {

  static final String SCHEME = "test-kms://";

  private static final Map<String, Aead> KEYS = new ConcurrentHashMap<>();

  private static final Set<String> DISABLED = ConcurrentHashMap.newKeySet();

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** From now on the key refuses every call; {@link #enable} undoes it. */
  static void disable(String keyUri) {
    DISABLED.add(keyUri);
  }

  static void enable(String keyUri) {
    DISABLED.remove(keyUri);
  }

  @Override
  public boolean supports(String keyUri) {
    return keyUri.startsWith(SCHEME);
  }

  @Override
  public byte[] encrypt(String keyUri, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    return key(keyUri).encrypt(plaintext, associatedData);
  }

  @Override
  public byte[] decrypt(String keyUri, byte[] ciphertext, byte[] associatedData)
      throws GeneralSecurityException {
    return key(keyUri).decrypt(ciphertext, associatedData);
  }

  private static Aead key(String keyUri) throws GeneralSecurityException {
    if (DISABLED.contains(keyUri)) {
      throw new GeneralSecurityException("key " + keyUri + " is disabled");
    }
    Aead key = KEYS.get(keyUri);
    if (key == null) {
      key =
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
              .getPrimitive(RegistryConfiguration.get(), Aead.class);
      Aead earlier = KEYS.putIfAbsent(keyUri, key);
      key = earlier != null ? earlier : key;
    }
    return key;
  }
}
