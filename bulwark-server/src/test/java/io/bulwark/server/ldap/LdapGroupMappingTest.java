package io.bulwark.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Directory groups mapped to Bulwark groups (A8). */
class LdapGroupMappingTest {

  private static final String OPS_DN = "cn=Ops,ou=groups,dc=example,dc=org";

  @Test
  void a8_aGroupMapsByItsIdIgnoringCaseOrByItsDn() {
    LdapGroupMapping mapping =
        new LdapGroupMapping(
            Map.of("Engineers", "bulwark-admins", "CN=ops, OU=Groups,dc=example,dc=org", "ops"));

    assertThat(mapping.groupsOf("engineers", "cn=engineers,ou=groups,dc=example,dc=org"))
        .containsExactly("engineers", "bulwark-admins");
    assertThat(mapping.groupsOf("Ops", OPS_DN)).containsExactly("Ops", "ops");
    assertThat(mapping.groupsOf("sales", "cn=sales,ou=groups,dc=example,dc=org"))
        .containsExactly("sales");
    assertThat(LdapGroupMapping.none().groupsOf("engineers", OPS_DN)).containsExactly("engineers");
  }

  @Test
  void z7_aBulwarkGroupIdOutsideThePatternOrABrokenDnRefusesToStart() {
    assertThatThrownBy(() -> new LdapGroupMapping(Map.of("engineers", "bad id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bulwark.ldap.mapped-groups[engineers]");
    assertThatThrownBy(() -> new LdapGroupMapping(Map.of("cn=,,=x", "ops")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid DN");
  }
}
