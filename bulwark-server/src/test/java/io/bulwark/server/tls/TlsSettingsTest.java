package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

  @Test
  void defaultsAreTheWholePolicyAndValid() {
    TlsSettings settings = TlsSettings.defaults();
    assertThat(settings.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(settings.cipherSuites()).containsExactlyElementsOf(TlsPolicy.SUITES);
    assertThat(settings.problems()).isEmpty();
    assertThat(settings.source()).isEqualTo(CertificateSource.GENERATED);
  }

  @Test
  void t2_refusesTls11AndUnknownProtocolNamingTheSetting() {
    TlsSettings settings =
        new TlsSettings(null, null, null, null, List.of("TLSv1.2", "TLSv1.1", "SSLv3"), null);
    assertThat(settings.problems())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).startsWith("bulwark.tls.protocols contains"))
        .anySatisfy(p -> assertThat(p).contains("TLSv1.1"))
        .anySatisfy(p -> assertThat(p).contains("SSLv3"));
  }

  @Test
  void t3_refusesCbcAndStaticRsaSuitesNamingTheSetting() {
    TlsSettings settings =
        new TlsSettings(
            null,
            null,
            null,
            null,
            null,
            List.of(
                "TLS_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_RSA_WITH_AES_128_GCM_SHA256"));
    assertThat(settings.problems())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).startsWith("bulwark.tls.cipher-suites contains"));
  }

  @Test
  void tls13OnlyWithTls13SuitesIsAccepted() {
    TlsSettings settings =
        new TlsSettings(
            null, null, null, null, List.of("TLSv1.3"), List.of("TLS_AES_256_GCM_SHA384"));
    assertThat(settings.problems()).isEmpty();
  }

  @Test
  void enabledProtocolWithoutAnySuiteIsRefused() {
    TlsSettings settings =
        new TlsSettings(null, null, null, null, null, List.of("TLS_AES_256_GCM_SHA384"));
    assertThat(settings.problems())
        .containsExactly("bulwark.tls.cipher-suites has no TLS 1.2 suite but TLSv1.2 is enabled");
  }

  @Test
  void certificateWithoutKeyAndBothSourcesAreRefused() {
    assertThat(TlsSettings.pem(Path.of("a.crt"), null).problems())
        .containsExactly(
            "bulwark.tls.certificate and bulwark.tls.private-key must be set together");
    TlsSettings both = new TlsSettings(Path.of("a"), Path.of("b"), Path.of("c"), null, null, null);
    assertThat(both.problems()).singleElement().asString().contains("configure one of them");
  }
}
