package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The JVM-wide TLS settings and the local doctor checks that read them (T2, T3; issue 17). Each
 * test restores the properties it changes.
 */
class TlsJvmSettingsTest {

  @Test
  void t2_t3_applySetsRenegotiationRefusalAndPolicyGroups() {
    TlsJvmSettings.apply();
    assertThat(System.getProperty(TlsJvmSettings.REJECT_RENEGOTIATION)).isEqualTo("true");
    assertThat(System.getProperty(TlsJvmSettings.NAMED_GROUPS))
        .isEqualTo("x25519,secp256r1,secp384r1");
    assertThat(TlsJvmSettings.configuredGroups())
        .containsExactly("x25519", "secp256r1", "secp384r1");
    assertThat(new T3CipherSuitesCheck(TlsSettings.defaults()).run().status())
        .isEqualTo(CheckStatus.PASS);
  }

  @Test
  void t2_doctorFailsWhenRenegotiationIsAllowed() {
    Finding finding =
        withProperty(
            TlsJvmSettings.REJECT_RENEGOTIATION,
            "false",
            () -> new T2ProtocolsCheck(TlsSettings.defaults()).run());
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("renegotiation is allowed");
  }

  @Test
  void t3_doctorFailsOnFiniteFieldGroups() {
    Finding finding =
        withProperty(
            TlsJvmSettings.NAMED_GROUPS,
            "x25519, ffdhe2048",
            () -> new T3CipherSuitesCheck(TlsSettings.defaults()).run());
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("ffdhe2048");
  }

  @Test
  void t3_doctorFailsOnTheJdkDefaultGroups() {
    Finding finding =
        withProperty(
            TlsJvmSettings.NAMED_GROUPS,
            null,
            () -> new T3CipherSuitesCheck(TlsSettings.defaults()).run());
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("JDK's defaults");
  }

  private static Finding withProperty(String name, String value, Supplier<Finding> check) {
    TlsJvmSettings.apply();
    String before = System.getProperty(name);
    try {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
      return check.get();
    } finally {
      System.setProperty(name, before);
    }
  }
}
