package io.bulwark.server.ldap;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Doctor check A8: which identity providers are configured, and that a configured LDAP directory
 * answers its service account over verified TLS (FAIL when it does not: its users cannot sign in).
 */
public final class A8IdentityProvidersCheck implements LocalCheck {

  private final LdapSettings settings;
  private final @Nullable LdapDirectory directory;

  /**
   * @param directory the directory, or null when none is configured
   */
  public A8IdentityProvidersCheck(LdapSettings settings, @Nullable LdapDirectory directory) {
    this.settings = settings;
    this.directory = directory;
  }

  @Override
  public String id() {
    return "A8";
  }

  @Override
  public Finding run() {
    if (directory == null) {
      return Finding.pass(id(), "identity provider: the database");
    }
    Optional<String> problem = directory.probe();
    if (problem.isPresent()) {
      return Finding.fail(
          id(),
          "LDAP directory " + settings.describe() + " does not answer: " + problem.get(),
          "check bulwark.ldap.url, the trusted certificates, bulwark.ldap.bind-dn and its"
              + " password, and bulwark.ldap.user-base-dn");
    }
    return Finding.pass(
        id(), "identity providers: the database, then the LDAP directory " + settings.describe());
  }
}
