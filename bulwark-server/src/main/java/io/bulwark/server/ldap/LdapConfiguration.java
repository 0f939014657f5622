package io.bulwark.server.ldap;

import io.bulwark.engine.api.Secret;
import io.bulwark.server.engine.ConfigurationSecrets;
import io.bulwark.server.engine.DatabasePassword;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The LDAP directory when {@code bulwark.ldap.url} is set, and its doctor check (A8, T7). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LdapSettings.class, LdapGroupMapping.class})
public class LdapConfiguration {

  /** The bind password as an encrypted setting (D3), which wins over its file and variable. */
  static final String PASSWORD_SETTING = "bulwark.ldap.bind-password";

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${bulwark.ldap.url:}'.isBlank()")
  public LdapDirectory ldapDirectory(
      LdapSettings settings, LdapGroupMapping mapping, ConfigurationSecrets secrets) {
    Optional<Secret> encrypted = secrets.value(PASSWORD_SETTING);
    try (Secret password = encrypted.isPresent() ? encrypted.get() : bindPassword(settings)) {
      return new LdapDirectory(settings, mapping, password);
    }
  }

  @Bean
  public A8IdentityProvidersCheck identityProvidersCheck(
      LdapSettings settings, ObjectProvider<LdapDirectory> directory) {
    return new A8IdentityProvidersCheck(settings, directory.getIfAvailable());
  }

  /** From the owner-only file, else the environment; never from a plain-text property (D3). */
  static Secret bindPassword(LdapSettings settings) {
    if (settings.bindPasswordFile() != null) {
      return DatabasePassword.readSecretFile(
          settings.bindPasswordFile(), "LDAP bind password file");
    }
    String fromEnv = System.getenv(LdapSettings.PASSWORD_ENV);
    if (fromEnv == null) {
      throw new IllegalStateException(
          "no LDAP bind password: set bulwark.ldap.bind-password-file to a file readable by its"
              + " owner only, "
              + PASSWORD_SETTING
              + " to an encrypted value (./bulwark admin config encrypt), or environment variable "
              + LdapSettings.PASSWORD_ENV
              + " (D3)");
    }
    return Secret.of(fromEnv);
  }
}
