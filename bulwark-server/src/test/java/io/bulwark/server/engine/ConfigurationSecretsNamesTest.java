package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * D3: which settings count as secrets for the plain-text check and for decryption at start-up:
 * Bulwark's own ({@code bulwark.…}) whose name ends in password, passwd, passphrase or secret, and
 * no other name (a library's system property in the same JVM is not Bulwark's configuration).
 */
class ConfigurationSecretsNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bulwark.database.password",
        "bulwark.mail.password",
        "bulwark.ldap.bind-password",
        "bulwark.example.api-secret",
        "bulwark.keys.passphrase"
      })
  void d3_bulwarkSettingsEndingLikeASecretAreSecrets(String name) {
    assertThat(ConfigurationSecrets.isSecretName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "greenmail.tls.keystore.password",
        "javax.net.ssl.trustStorePassword",
        "bulwark.database.password-file",
        "bulwark.database.username"
      })
  void d3_otherNamesAreNotBulwarksSecrets(String name) {
    assertThat(ConfigurationSecrets.isSecretName(name)).isFalse();
  }
}
