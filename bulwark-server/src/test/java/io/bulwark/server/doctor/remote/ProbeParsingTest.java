package io.bulwark.server.doctor.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.doctor.DoctorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeParsingTest {

  @ParameterizedTest
  @CsvSource({
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, false",
    "TLS_AES_256_GCM_SHA384, false",
    "TLS_EMPTY_RENEGOTIATION_INFO_SCSV, false",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, true",
    "TLS_RSA_WITH_AES_256_GCM_SHA384, true",
    "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, true",
    "SSL_RSA_WITH_3DES_EDE_CBC_SHA, true",
    "TLS_RSA_WITH_NULL_SHA256, true",
    "TLS_DH_anon_WITH_AES_128_GCM_SHA256, true",
    "TLS_ECDH_anon_WITH_AES_128_CBC_SHA, true"
  })
  void t3_classifiesTls12Suites(String suite, boolean weak) {
    assertThat(TransportChecks.isWeakTls12Candidate(suite)).isEqualTo(weak);
  }

  @Test
  void o1_remoteTargetMustBeHttps() {
    assertThat(ProbeTarget.parse("https://example.org").port()).isEqualTo(443);
    assertThat(ProbeTarget.parse("https://[::1]:8443").authority()).isEqualTo("[::1]:8443");
    assertThatThrownBy(() -> ProbeTarget.parse("http://example.org:8443"))
        .isInstanceOf(DoctorException.class)
        .hasMessageContaining("https://");
  }

  @Test
  void o1_parsesRawAnswersAndNonHttp() {
    HttpAnswer a =
        HttpAnswer.parse(
            "GET /",
            "HTTP/1.1 302 Found\r\nLocation: https://x/\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n");
    assertThat(a.status()).isEqualTo(302);
    assertThat(a.header("location")).isEqualTo("https://x/");
    assertThat(a.headers("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(HttpAnswer.parse("GET /", "\u0015\u0003\u0003").status()).isEqualTo(-1);
  }
}
