package io.bulwark.engine.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * Field encryption of sensitive values (D1) with the key store's Tink AEAD key set (AES-256-GCM):
 * the primary key encrypts, every key in the set decrypts. Each ciphertext starts with Tink's
 * five-byte prefix (0x01 and the id of the key that encrypted it, D2); the associated data binds it
 * to the row it was written for, so a ciphertext copied to another row fails to decrypt.
 * Thread-safe; the key store hands out one instance and, when it rotates or destroys a key while
 * the engine runs, switches it to the new key set at once ({@link #use}): every encryption after
 * that uses the new primary, and decryption keeps every key still in the set (D2).
 */
public final class FieldCipher {

  /** How a ciphertext could not be opened. */
  public enum Failure {
    /** Its key is no longer in the key set (destroyed, D2). */
    KEY_DESTROYED,
    /** Its key is there but the ciphertext or its associated data do not match (moved, changed). */
    TAMPERED
  }

  /** A ciphertext that could not be opened; the message names the key, never the value. */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    UnreadableException(Failure failure, String message) {
      super(message);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /** A key set and its AEAD primitive, swapped as one. */
  private record Keys(KeysetHandle handle, Aead aead) {

    static Keys of(KeysetHandle handle) {
      try {
        return new Keys(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
      } catch (GeneralSecurityException e) {
        throw new CryptoException("the key set has no usable AEAD primary key", e);
      }
    }
  }

  private volatile Keys keys;

  /** Looks for a newer key set when a ciphertext names an unknown key (D2, several nodes). */
  private volatile Runnable unknownKey = () -> {};

  FieldCipher(KeysetHandle keys) {
    this.keys = Keys.of(keys);
  }

  /** From now on, encrypts with {@code newKeys}' primary and decrypts with its keys (D2). */
  void use(KeysetHandle newKeys) {
    this.keys = Keys.of(newKeys);
  }

  /**
   * What to run, and wait for, before a ciphertext under a key this set does not have reads as
   * destroyed: another node may have rotated (D2). It may switch this cipher ({@link #use}).
   */
  public void onUnknownKey(Runnable refresh) {
    this.unknownKey = refresh;
  }

  /** The id of the key that encrypts (the key set's primary). */
  public int primaryKeyId() {
    return keys.handle().getPrimary().getId();
  }

  /** The ids of every key in the set (the primary and those kept to decrypt). */
  public java.util.List<Integer> keyIds() {
    return keyIds(keys.handle());
  }

  private static java.util.List<Integer> keyIds(KeysetHandle handle) {
    java.util.List<Integer> ids = new java.util.ArrayList<>();
    for (int i = 0; i < handle.size(); i++) {
      ids.add(handle.getAt(i).getId());
    }
    return ids;
  }

  /** Encrypts {@code plaintext} with the primary key, bound to {@code associatedData}. */
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    try {
      return keys.aead().encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("field encryption failed", e);
    }
  }

  /**
   * Decrypts a ciphertext written with the same associated data.
   *
   * @throws UnreadableException its key was destroyed, or it belongs to another row or was changed
   */
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws UnreadableException {
    int keyId = keyId(ciphertext);
    Keys current = keys;
    if (!keyIds(current.handle()).contains(keyId)) {
      unknownKey.run();
      current = keys;
    }
    if (!keyIds(current.handle()).contains(keyId)) {
      throw new UnreadableException(
          Failure.KEY_DESTROYED, "key " + Integer.toUnsignedString(keyId) + " was destroyed");
    }
    try {
      return current.aead().decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new UnreadableException(
          Failure.TAMPERED,
          "the ciphertext under key "
              + Integer.toUnsignedString(keyId)
              + " does not belong to this row or was changed");
    }
  }

  /** The id of the key that encrypted a ciphertext (Tink's output prefix); 0 when too short. */
  public static int keyId(byte[] ciphertext) {
    return ciphertext.length < 5 ? 0 : ByteBuffer.wrap(ciphertext, 1, 4).getInt();
  }
}
