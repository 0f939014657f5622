package io.bulwark.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D3: configuration values encrypted under the key store's key-encryption key, bound to the
 * setting's name; a value moved to another setting, from another key store or changed does not
 * decrypt, and the message names the setting, never the value.
 */
class SettingCipherTest {

  private static final String SETTING = "bulwark.database.password";
  private static final String VALUE = "Gannet-Harbour-71";

  @TempDir Path dir;

  private SettingCipher cipher(String name) {
    return LocalKeyStore.openOrCreate(dir.resolve(name), Secret.of("a passphrase of " + name))
        .settingCipher();
  }

  @Test
  void d3_anEncryptedValueDecryptsForItsSettingOnly() {
    SettingCipher cipher = cipher("one");
    String encrypted = cipher.encrypt(SETTING, Secret.of(VALUE));

    assertThat(encrypted).startsWith("{bulwark-aead}").doesNotContain(VALUE);
    assertThat(SettingCipher.isEncrypted(encrypted)).isTrue();
    assertThat(SettingCipher.isEncrypted(VALUE)).isFalse();
    assertThat(cipher.encrypt(SETTING, Secret.of(VALUE)))
        .as("random nonce: two encryptions differ")
        .isNotEqualTo(encrypted);
    try (Secret decrypted = cipher.decrypt(SETTING, encrypted + "\n")) {
      assertThat(new String(decrypted.reveal())).isEqualTo(VALUE);
    }
    assertThatThrownBy(() -> cipher.decrypt("bulwark.mail.password", encrypted))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("cannot decrypt the setting bulwark.mail.password")
        .hasMessageNotContaining(VALUE)
        .hasMessageNotContaining(encrypted.substring(14, 30));
  }

  @Test
  void d3_anotherKeyStoresOrAChangedValueFailsNamingTheSetting() {
    String encrypted = cipher("one").encrypt(SETTING, Secret.of(VALUE));
    SettingCipher other = cipher("two");

    assertThatThrownBy(() -> other.decrypt(SETTING, encrypted))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("cannot decrypt the setting " + SETTING);
    String changed = encrypted.substring(0, encrypted.length() - 4) + "AAA=";
    assertThatThrownBy(() -> cipher("one").decrypt(SETTING, changed))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining(SETTING);
    assertThatThrownBy(() -> cipher("one").decrypt(SETTING, "{bulwark-aead}not base64!"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining(SETTING);
    assertThatThrownBy(() -> cipher("one").decrypt(SETTING, VALUE))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining(SETTING + " is not an encrypted value")
        .hasMessageNotContaining(VALUE);
  }
}
