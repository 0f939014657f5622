package io.bulwark.server.doctor.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote TLS detail checks FAIL against a deliberately weak server ({@code openssl s_server}
 * with its defaults and finite-field groups): client suite order and groups (T3; issue 17). {@link
 * RemoteProbeServerIT} shows them passing on a default Bulwark server, renegotiation included
 * (refused with an alert since the connector's engines refuse it themselves; before, the refusal
 * was silent and T2 a WARN). The weak server also allows client-initiated renegotiation ({@code
 * -client_renegotiation}: OpenSSL 3 refuses it by default with a {@code no_renegotiation} warning,
 * which is why an earlier version of this test saw it refused), so T2's renegotiation check FAILs
 * against it.
 */
class TlsDetailChecksIT {

  private static OpensslTestServer weak;
  private static ProbeTarget target;

  @BeforeAll
  static void start() throws Exception {
    RemoteProbe.prepareJvm();
    weak = OpensslTestServer.weak();
    target = ProbeTarget.parse(weak.url());
  }

  @AfterAll
  static void stop() throws Exception {
    if (weak != null) {
      weak.close();
    }
  }

  @Test
  void t3_clientSuiteOrderFails() {
    Finding finding = TlsDetailChecks.serverOrder(target, OpensslClient.find());
    assertThat(finding.status()).as(finding.toString()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("client's suite order wins");
  }

  @Test
  void t3_finiteFieldGroupFails() {
    Finding finding = TlsDetailChecks.groups(target, OpensslClient.find());
    assertThat(finding.status()).as(finding.toString()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("tls1_3");
  }

  @Test
  void t2_clientInitiatedRenegotiationThatCompletesFails() {
    Finding finding = TlsDetailChecks.renegotiation(new ProbeConnector(target));
    assertThat(finding.status()).as(finding.toString()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("renegotiation is not refused");
  }

  @Test
  void t3_orderAndGroupsUntestedWithoutOpensslAreWarnings() {
    Finding finding = TlsDetailChecks.groups(target, Optional.empty());
    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message()).contains("needs openssl");
    assertThat(TlsDetailChecks.serverOrder(target, Optional.empty()).status())
        .isEqualTo(CheckStatus.WARN);
  }
}
