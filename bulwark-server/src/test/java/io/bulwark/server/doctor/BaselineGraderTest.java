package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.config.BulwarkProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every baseline ID gets one honest grade, the same way in local and remote mode (O1, O2). */
class BaselineGraderTest {

  private static DoctorReport grade(BulwarkProfile profile, Finding... findings) {
    return BaselineGrader.grade(DoctorReport.LOCAL, profile, List.of(findings), "look elsewhere");
  }

  private static Finding find(DoctorReport report, String id) {
    return report.findings().stream().filter(f -> f.checkId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void o1_everyBaselineIdIsReportedEvenWithoutChecks() {
    DoctorReport report = grade(BulwarkProfile.DEV);
    assertThat(report.findings())
        .extracting(Finding::checkId)
        .containsExactlyElementsOf(Baseline.ALL.stream().map(Requirement::id).toList());
  }

  @Test
  void o1_aRequirementThatIsNotBuiltIsNotImplementedWithItsPlan() {
    Finding a12 = find(grade(BulwarkProfile.DEV), "A12");
    assertThat(a12.status()).isEqualTo(CheckStatus.NOT_IMPLEMENTED);
    assertThat(a12.message()).contains("not implemented", "no TOTP");
    assertThat(a12.fix()).contains("allow-insecure-start");
  }

  @Test
  void o1_aPassingCheckOfAPartialRequirementStillReportsWhatIsMissing() {
    Requirement partial =
        Baseline.ALL.stream().filter(r -> r.coverage() == Coverage.PARTIAL).findFirst().get();
    Finding f =
        find(grade(BulwarkProfile.DEV, Finding.pass(partial.id(), "part ok")), partial.id());
    assertThat(f.status()).isEqualTo(CheckStatus.NOT_IMPLEMENTED);
    assertThat(f.message()).contains("part ok", partial.missing());
  }

  @Test
  void o1_aFailOfAPartialRequirementStaysAFail() {
    Requirement partial =
        Baseline.ALL.stream().filter(r -> r.coverage() == Coverage.PARTIAL).findFirst().get();
    Finding f =
        find(grade(BulwarkProfile.DEV, Finding.fail(partial.id(), "bad", "fix it")), partial.id());
    assertThat(f.status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void o1_aCompleteRequirementWithoutCheckIsAWarnThatSaysSo() {
    Finding t1 = find(grade(BulwarkProfile.DEV), "T1");
    assertThat(t1.status()).isEqualTo(CheckStatus.WARN);
    assertThat(t1.message()).contains("no local check");
    assertThat(t1.fix()).isEqualTo("look elsewhere");
  }

  @Test
  void e5_w8_aRequirementProvenByTheBuildNamesItsTestInsteadOfAnotherMode() {
    for (String id : List.of("E5", "W8")) {
      Finding f = find(grade(BulwarkProfile.DEV), id);
      assertThat(f.status()).isEqualTo(CheckStatus.WARN);
      assertThat(f.message()).contains("not observable at run time");
      assertThat(f.fix()).contains("proven when Bulwark is built").doesNotContain("look elsewhere");
    }
  }

  @Test
  void o1_severalChecksOfOneIdGiveTheWorstGradeAndEveryMessage() {
    Finding t1 =
        find(
            grade(
                BulwarkProfile.DEV,
                Finding.pass("T1", "one"),
                Finding.warn("T1", "two", "fix two"),
                Finding.pass("T1", "three")),
            "T1");
    assertThat(t1.status()).isEqualTo(CheckStatus.WARN);
    assertThat(t1.message()).isEqualTo("one; two; three");
    assertThat(t1.fix()).isEqualTo("fix two");
  }

  @Test
  void o2_notImplementedFailsInProductionAndWarnsInDevAndTest() {
    assertThat(grade(BulwarkProfile.DEV).hasFail()).isFalse();
    assertThat(grade(BulwarkProfile.TEST).hasFail()).isFalse();
    DoctorReport production = grade(BulwarkProfile.PRODUCTION);
    assertThat(production.hasFail()).isTrue();
    assertThat(production.failures()).extracting(Finding::checkId).contains("Z10", "A12", "A13");
  }

  @Test
  void o1_findingsOutsideTheBaselineAreKeptAtTheEnd() {
    DoctorReport report = grade(BulwarkProfile.DEV, Finding.fail("X1", "test", "remove"));
    assertThat(report.findings().get(report.findings().size() - 1).checkId()).isEqualTo("X1");
  }

  @Test
  void o1_checkWithAnIdOutsideTheBaselineFailsO1() {
    assertThat(O1DoctorCheck.judge(List.of("T2", "A05"), true).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(O1DoctorCheck.judge(List.of("T2", "A05"), true).message()).contains("[A05]");
  }

  @Test
  void o1_serverWithoutStartupAuditFailsO1() {
    Finding o1 = O1DoctorCheck.judge(List.of("T2"), false);
    assertThat(o1.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(o1.message()).contains("StartupDoctor");
    assertThat(O1DoctorCheck.judge(List.of("T2", "O1"), true).status()).isEqualTo(CheckStatus.PASS);
  }
}
