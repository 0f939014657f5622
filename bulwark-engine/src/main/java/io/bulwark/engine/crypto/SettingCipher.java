package io.bulwark.engine.crypto;

import com.google.crypto.tink.Aead;
import io.bulwark.engine.api.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypted configuration values (D3): {@code {bulwark-aead}BASE64}, a Tink AEAD ciphertext under
 * the key store's key-encryption key (the key derived from its passphrase, or the key-management
 * service's key), with the setting's name as associated data, so that a value cannot be moved to
 * another setting. Messages name the setting, never the value.
 */
public final class SettingCipher {

  /** What marks an encrypted configuration value. */
  public static final String PREFIX = "{bulwark-aead}";

  private static final String CONTEXT = "bulwark-setting:";

  private final Aead keyEncryptionKey;

  SettingCipher(Aead keyEncryptionKey) {
    this.keyEncryptionKey = keyEncryptionKey;
  }

  /** Whether {@code value} is an encrypted configuration value. */
  public static boolean isEncrypted(String value) {
    return value.strip().startsWith(PREFIX);
  }

  /** The encrypted form of {@code value} for the setting {@code setting}. */
  public String encrypt(String setting, Secret value) {
    byte[] plaintext = value.utf8();
    try {
      byte[] ciphertext = keyEncryptionKey.encrypt(plaintext, associatedData(setting));
      return PREFIX + Base64.getEncoder().encodeToString(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot encrypt the value of " + setting, e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * The value of the setting {@code setting} written encrypted as {@code encrypted}.
   *
   * @throws CryptoException not an encrypted value, another key store's, or another setting's
   */
  public Secret decrypt(String setting, String encrypted) {
    String text = encrypted.strip();
    if (!text.startsWith(PREFIX)) {
      throw new CryptoException(setting + " is not an encrypted value (" + PREFIX + "…)");
    }
    byte[] plaintext;
    try {
      byte[] ciphertext = Base64.getDecoder().decode(text.substring(PREFIX.length()));
      plaintext = keyEncryptionKey.decrypt(ciphertext, associatedData(setting));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new CryptoException(
          "cannot decrypt the setting "
              + setting
              + ": it was encrypted with another key store's key or for another setting, or"
              + " changed; encrypt it again with ./bulwark admin config encrypt "
              + setting
              + " (D3)");
    }
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plaintext));
    Arrays.fill(plaintext, (byte) 0);
    char[] value = new char[chars.remaining()];
    chars.get(value);
    Arrays.fill(chars.array(), '\0');
    try {
      return Secret.of(value);
    } finally {
      Arrays.fill(value, '\0');
    }
  }

  private static byte[] associatedData(String setting) {
    return (CONTEXT + setting).getBytes(StandardCharsets.UTF_8);
  }
}
