package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.config.BulwarkProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorReportTest {

  @Test
  void o1_findingsFollowTheBaselineOrderOthersLast() {
    DoctorReport report =
        new DoctorReport(
            DoctorReport.LOCAL,
            BulwarkProfile.DEV,
            List.of(
                Finding.pass("X10", "x"),
                Finding.warn("O2", "x", "f"),
                Finding.pass("X2", "x"),
                Finding.pass("T2", "x")));
    assertThat(report.findings())
        .extracting(Finding::checkId)
        .containsExactly("T2", "O2", "X2", "X10");
    assertThat(report.hasFail()).isFalse();
    assertThat(report.count(CheckStatus.WARN)).isEqualTo(1);
  }

  @Test
  void o1_aCheckThatThrowsBecomesAFailWithoutItsMessage() {
    LocalCheck broken =
        new LocalCheck() {
          @Override
          public String id() {
            return "D3";
          }

          @Override
          public Finding run() {
            throw new IllegalStateException("secret=hunter2");
          }
        };
    DoctorReport report = LocalChecks.run(List.of(broken), BulwarkProfile.DEV);
    assertThat(report.hasFail()).isTrue();
    Finding d3 = report.findings().stream().filter(f -> f.checkId().equals("D3")).findFirst().get();
    assertThat(d3.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(d3.message()).contains("IllegalStateException").doesNotContain("hunter2");
  }

  @Test
  void o1_tableShowsStatusIdMessageAndFix() {
    String table =
        DoctorReportWriter.table(
            new DoctorReport(
                DoctorReport.REMOTE,
                BulwarkProfile.PRODUCTION,
                List.of(
                    Finding.fail("T2", "TLSv1.1 accepted", "disable it"),
                    Finding.notImplemented("Z1", "allow-all", "plan"))));
    assertThat(table)
        .contains(
            "Bulwark doctor (remote mode, profile production)",
            "FAIL            T2   TLSv1.1 accepted",
            "NOT-IMPLEMENTED Z1   allow-all",
            "fix: disable it",
            "0 PASS, 0 WARN, 1 NOT-IMPLEMENTED, 1 FAIL; 2 failing in profile production");
  }

  @Test
  void o1_jsonNamesNotImplementedWithAHyphen() {
    String json =
        DoctorReportWriter.json(
            new DoctorReport(
                DoctorReport.LOCAL,
                BulwarkProfile.DEV,
                List.of(Finding.notImplemented("Z1", "allow-all", "plan"))));
    assertThat(json)
        .contains("\"status\":\"NOT-IMPLEMENTED\"", "\"not_implemented\":1")
        .contains("\"failing_in_profile\":0");
  }
}
