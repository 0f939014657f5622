package io.bulwark.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The "disabled" filter of directory users (A8): a default per kind of directory, checked. */
class LdapSettingsTest {

  private static LdapSettings settings(String userObjectClass, String disabledFilter) {
    return new LdapSettings(
        null,
        false,
        null,
        null,
        null,
        null,
        userObjectClass,
        "uid",
        "givenName",
        "sn",
        "cn",
        "mail",
        disabledFilter,
        null,
        "groupOfNames",
        "cn",
        "member",
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        10,
        1000,
        Duration.ofSeconds(5));
  }

  @Test
  void a8_activeDirectoryUsersAreDisabledByTheUserAccountControlBit() {
    assertThat(settings("user", null).effectiveDisabledFilter())
        .isEqualTo("(userAccountControl:1.2.840.113556.1.4.803:=2)");
  }

  @Test
  void a8_otherDirectoriesUseNsAccountLockAndThePasswordPolicyLock() {
    assertThat(settings("inetOrgPerson", " ").effectiveDisabledFilter())
        .isEqualTo("(|(nsAccountLock=TRUE)(pwdAccountLockedTime=*))");
  }

  @Test
  void a8_aConfiguredFilterReplacesTheDefault() {
    assertThat(settings("user", "(description=disabled)").effectiveDisabledFilter())
        .isEqualTo("(description=disabled)");
  }

  @Test
  void a8_aFilterThatIsNoLdapFilterRefusesToStart() {
    assertThatThrownBy(() -> settings("user", "description=disabled)("))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bulwark.ldap.disabled-filter");
  }
}
