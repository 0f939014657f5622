package io.bulwark.server.doctor.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.DoctorReportWriter;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.tls.TlsJvmSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote probe against real TLS servers on loopback: a hardened one and a deliberately weak
 * one. Runs in its own JVM (failsafe execution {@code doctor-probe}) whose TLS constraints are
 * relaxed, as in the {@code bulwark doctor} command, so that both the weak server and the probe can
 * speak TLS 1.1 and CBC suites.
 */
class RemoteProbeIT {

  private static ProbeTestServer hardened;
  private static ProbeTestServer weak;
  private static DoctorReport hardenedReport;
  private static DoctorReport weakReport;

  @BeforeAll
  static void startServersAndProbe() throws Exception {
    // As the bulwark command does first thing: the hardened test server refuses renegotiation and
    // finite-field groups (T2, T3); the weak one shares this JVM's settings.
    TlsJvmSettings.apply();
    RemoteProbe.prepareJvm();
    hardened = ProbeTestServer.hardened();
    weak = ProbeTestServer.weak();
    RemoteProbe probe = new RemoteProbe(Clock.systemUTC());
    ProbeOptions dev = new ProbeOptions(BulwarkProfile.DEV);
    hardenedReport = probe.probe(ProbeTarget.parse(hardened.url()), dev);
    weakReport = probe.probe(ProbeTarget.parse(weak.url()), dev);
  }

  @AfterAll
  static void stopServers() throws Exception {
    hardened.close();
    weak.close();
  }

  @Test
  void o1_remoteProbePassesHardenedServer() {
    Map<String, Finding> byId = byId(hardenedReport);
    assertThat(hardenedReport.failures()).as(DoctorReportWriter.table(hardenedReport)).isEmpty();
    for (String id : List.of("T1", "T2", "T5", "W1", "W2", "W3", "W4", "W5", "W6", "A1", "W7")) {
      assertThat(byId.get(id).status()).as(id + ": " + byId.get(id)).isEqualTo(CheckStatus.PASS);
    }
    // T3 is partial in the baseline registry: its probe passes, what is missing is reported.
    assertThat(byId.get("T3").status()).isIn(CheckStatus.PASS, CheckStatus.NOT_IMPLEMENTED);
    assertThat(byId.get("T3").message()).contains("all refused", "whatever the client's order");
    assertThat(byId.get("T2").message()).contains("renegotiation refused");
    assertThat(byId.get("W6").message())
        .contains("OPTIONS * -> 404 with security headers, TRACE not");
    assertThat(byId.get("W5").message()).contains("status line and problem body agree");
    assertThat(byId.get("W13").message()).contains("Location /app/login (Host not copied)");
    assertThat(byId.keySet()).hasSizeGreaterThanOrEqualTo(64).contains("Z1", "O7");
    Finding t4 = byId.get("T4");
    assertThat(t4.status()).isEqualTo(CheckStatus.WARN);
    assertThat(t4.message())
        .contains("self-signed", "SHA-256 fingerprint", "host name not checked");
  }

  @Test
  void o1_remoteProbeFailsEachWeakness() {
    Map<String, Finding> byId = byId(weakReport);
    for (String id :
        List.of(
            "T1", "T2", "T3", "T4", "T5", "W1", "W2", "W3", "W4", "W5", "W6", "A1", "W7", "W13")) {
      assertThat(byId.get(id).status()).as(id + ": " + byId.get(id)).isEqualTo(CheckStatus.FAIL);
      assertThat(byId.get(id).fix()).as(id).isNotBlank();
    }
    assertThat(byId.get("T2").message()).contains("TLSv1.1 accepted");
    assertThat(byId.get("T3").message())
        .contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA")
        .doesNotContain("_GCM_");
    assertThat(byId.get("T4").message()).contains("RSA key of 1024 bits");
    assertThat(byId.get("W4").message()).contains("Server: Apache Tomcat/9.0.1");
    assertThat(byId.get("W5").message()).contains("Exception");
    assertThat(byId.get("W1").message()).contains("JSESSIONID without secure");
    assertThat(byId.get("W2").message())
        .contains("POST /app/login without CSRF token -> 200", "processed");
    assertThat(byId.get("W6").message())
        .contains("not refused", "GET /engine-rest/%252e%252e/internal/x -> 500", "PROPFIND")
        .contains("OPTIONS * -> 200: Allow: GET, HEAD, POST, PUT, DELETE, OPTIONS, TRACE")
        .contains("no security headers");
    assertThat(byId.get("W5").message()).contains("GET over HTTP/1.2 -> 505 says \"status\":500");
    assertThat(byId.get("W13").message())
        .contains("Location https://doctor-probe.invalid/app/login");
  }

  @Test
  void t4_selfSignedCertificateFailsInProduction() {
    DoctorReport report =
        new RemoteProbe(Clock.systemUTC())
            .probe(ProbeTarget.parse(hardened.url()), new ProbeOptions(BulwarkProfile.PRODUCTION));
    assertThat(byId(report).get("T4").status()).isEqualTo(CheckStatus.FAIL);
    assertThat(byId(report).get("T4").message()).startsWith("self-signed");
  }

  @Test
  void o1_jsonOutputIsParsable() {
    JsonNode json = JsonMapper.builder().build().readTree(DoctorReportWriter.json(weakReport));
    assertThat(json.get("mode").asString()).isEqualTo("remote");
    assertThat(json.get("findings").size()).isEqualTo(weakReport.findings().size());
    JsonNode first = json.get("findings").get(0);
    assertThat(first.get("id").asString()).isEqualTo(weakReport.findings().get(0).checkId());
    assertThat(first.get("status").asString()).isIn("PASS", "WARN", "NOT-IMPLEMENTED", "FAIL");
    assertThat(first.has("message")).isTrue();
    assertThat(first.has("fix")).isTrue();
    assertThat(json.get("summary").get("fail").asLong())
        .isEqualTo(weakReport.failures().size())
        .isGreaterThanOrEqualTo(12);
  }

  @Test
  void o1_exitStatusIsOneOnFail() {
    // The CLI exits with 1 exactly when hasFail() (DoctorCommand); proven end to end in the CLI.
    assertThat(weakReport.hasFail()).isTrue();
    assertThat(hardenedReport.hasFail()).isFalse();
  }

  private static Map<String, Finding> byId(DoctorReport report) {
    return report.findings().stream()
        .collect(Collectors.toMap(Finding::checkId, Function.identity()));
  }
}
