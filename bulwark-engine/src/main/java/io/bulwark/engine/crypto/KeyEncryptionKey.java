package io.bulwark.engine.crypto;

import com.google.crypto.tink.Aead;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.KeyManagementService;
import java.security.GeneralSecurityException;
import java.util.ServiceLoader;

/**
 * What protects the key store's key set (D2): a key derived from a passphrase ({@link
 * PassphraseKey}, the default), or a key held by a key-management service ({@link Kms}). The key
 * store file records which, so that a store is never opened with the other kind.
 */
sealed interface KeyEncryptionKey permits PassphraseKey, KeyEncryptionKey.Kms {

  /** A key of a key-management service, named by its URI. */
  record Kms(String keyUri) implements KeyEncryptionKey {

    public Kms {
      if (keyUri.isBlank() || keyUri.length() > 2048) {
        throw new CryptoException("a key-management key URI has 1 to 2048 characters");
      }
    }

    /** The service's key as a Tink {@link Aead}: every call goes to the service. */
    Aead aead(KeyManagementService service) {
      return new Aead() {
        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData)
            throws GeneralSecurityException {
          return service.encrypt(keyUri, plaintext, associatedData);
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData)
            throws GeneralSecurityException {
          return service.decrypt(keyUri, ciphertext, associatedData);
        }
      };
    }

    /**
     * The plug-in on the class path that serves this key.
     *
     * @throws CryptoException none does
     */
    KeyManagementService service(ClassLoader loader) {
      for (KeyManagementService service : ServiceLoader.load(KeyManagementService.class, loader)) {
        if (service.supports(keyUri)) {
          return service;
        }
      }
      throw new CryptoException(
          "no key-management plug-in on the class path serves "
              + scheme()
              + " keys: add its jar (see docs/key-management-plugin.md)");
    }

    /** The URI's scheme, safe to show (the rest may name an account). */
    String scheme() {
      int colon = keyUri.indexOf(':');
      return colon > 0 ? keyUri.substring(0, colon) : "unnamed";
    }
  }

  /** What unlocks a key store: a passphrase, or a key-management key with its service. */
  sealed interface Unlock permits Unlock.WithPassphrase, Unlock.WithKms {

    record WithPassphrase(Secret passphrase) implements Unlock {}

    record WithKms(Kms key, KeyManagementService service) implements Unlock {}
  }
}
