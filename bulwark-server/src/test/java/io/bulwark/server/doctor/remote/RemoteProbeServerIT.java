package io.bulwark.server.doctor.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.DoctorReportWriter;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.server.doctor.LocalChecks;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The remote probe against a real Bulwark server with its defaults. Runs in the probe's own JVM
 * (failsafe execution {@code doctor-probe}); the server's TLS policy is its own, whatever the JVM
 * allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemoteProbeServerIT {

  @Autowired Environment environment;
  @Autowired ApplicationContext context;

  private DoctorReport probe() {
    return new RemoteProbe(Clock.systemUTC())
        .probe(
            ProbeTarget.parse(
                "https://127.0.0.1:" + environment.getRequiredProperty("local.server.port")),
            new ProbeOptions(BulwarkProfile.DEV));
  }

  private static Finding finding(DoctorReport report, String id) {
    return report.findings().stream().filter(f -> f.checkId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void w6_hostileRequestsAreRefusedByDefaultServer() {
    DoctorReport report = probe();

    Finding w6 = finding(report, "W6");
    assertThat(w6.status()).as(DoctorReportWriter.table(report)).isEqualTo(CheckStatus.PASS);
    assertThat(w6.message()).contains("4 hostile requests refused");
  }

  @Test
  void w6_w5_w13_answersAScannerProvokesAreTheServersOwn() {
    DoctorReport report = probe();

    assertThat(finding(report, "W6").message())
        .as(DoctorReportWriter.table(report))
        .contains("OPTIONS * -> 400 with security headers, TRACE not advertised");
    assertThat(finding(report, "W5").status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding(report, "W5").message())
        .contains("GET over HTTP/1.2 -> 505", "POST with Transfer-Encoding gzip -> 501");
    assertThat(finding(report, "W13").status()).isNotEqualTo(CheckStatus.FAIL);
    assertThat(finding(report, "W13").message()).contains("Location /app/login (Host not copied)");
  }

  @Test
  void w2_loginFormWithoutCsrfTokenIsRefusedByDefaultServer() {
    DoctorReport report = probe();

    Finding w2 = finding(report, "W2");
    assertThat(w2.status()).as(DoctorReportWriter.table(report)).isEqualTo(CheckStatus.PASS);
    assertThat(w2.message()).contains("POST /app/login without CSRF token -> 403");
    assertThat(report.failures()).as(DoctorReportWriter.table(report)).isEmpty();
  }

  @Test
  void t2_t3_tlsDetailsOfDefaultServer() {
    DoctorReport report = probe();

    Finding t2 = finding(report, "T2");
    Finding t3 = finding(report, "T3");
    // Refused with the JDK's fatal alert at once, not left silent until the read timeout.
    assertThat(t2.status()).as(DoctorReportWriter.table(report)).isEqualTo(CheckStatus.PASS);
    assertThat(t2.message()).contains("client-initiated renegotiation refused");
    assertThat(t3.status()).as(DoctorReportWriter.table(report)).isEqualTo(CheckStatus.PASS);
    assertThat(t3.message())
        .contains("server picks ECDHE-ECDSA-AES128-GCM-SHA256 whatever the client's order")
        .contains("ffdhe, secp521r1 and X448 groups refused");
  }

  /** The same fact gets the same grade from the local checks and from the remote probe (O1). */
  @Test
  void o1_localAndRemoteGradeTheSameFactsAlike() {
    DoctorReport remote = probe();
    DoctorReport local =
        LocalChecks.run(context.getBeansOfType(LocalCheck.class).values(), BulwarkProfile.DEV);

    for (String id : List.of("T2", "T3", "T4", "T5", "W3", "W6", "W7")) {
      assertThat(finding(local, id).status())
          .as(id + " local " + finding(local, id) + " remote " + finding(remote, id))
          .isEqualTo(finding(remote, id).status());
    }
  }
}
