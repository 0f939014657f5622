package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorReportTest {

  @Test
  void o1_findingsAreSortedByRequirementId() {
    DoctorReport report =
        new DoctorReport(
            DoctorReport.LOCAL,
            List.of(
                Finding.pass("T10", "x"), Finding.warn("O2", "x", "f"), Finding.pass("T2", "x")));
    assertThat(report.findings()).extracting(Finding::checkId).containsExactly("O2", "T2", "T10");
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
    DoctorReport report = LocalChecks.run(List.of(broken));
    assertThat(report.hasFail()).isTrue();
    assertThat(report.findings().get(0).message())
        .contains("IllegalStateException")
        .doesNotContain("hunter2");
  }

  @Test
  void o1_tableShowsStatusIdMessageAndFix() {
    String table =
        DoctorReportWriter.table(
            new DoctorReport(
                DoctorReport.REMOTE,
                List.of(Finding.fail("T2", "TLSv1.1 accepted", "disable it"))));
    assertThat(table)
        .contains("FAIL   T2    TLSv1.1 accepted", "fix: disable it", "0 PASS, 0 WARN, 1 FAIL");
  }
}
