package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.config.BulwarkProfile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor check O6 reads the SBOM the build put on the class path (issue 17). */
class O6SbomCheckTest {

  @TempDir Path dir;

  private Finding check(String sbom, String runningSpring) throws Exception {
    return check(sbom, runningSpring, BulwarkProfile.PRODUCTION);
  }

  private Finding check(String sbom, String runningSpring, BulwarkProfile profile)
      throws Exception {
    if (sbom != null) {
      Path file = dir.resolve(O6SbomCheck.LOCATION);
      Files.createDirectories(file.getParent());
      Files.writeString(file, sbom);
    }
    try (URLClassLoader classes = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      return new O6SbomCheck(classes, runningSpring, profile).run();
    }
  }

  private static String sbom(String springCore) {
    return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
        + "{\"group\":\"org.springframework\",\"name\":\"spring-core\",\"version\":\""
        + springCore
        + "\"},{\"group\":\"org.slf4j\",\"name\":\"slf4j-api\",\"version\":\"2.0.17\"}]}";
  }

  @Test
  void o6_productionBuildWithoutSbomFails() throws Exception {
    Finding finding = check(null, "7.0.1");

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("no SBOM");
    assertThat(finding.fix()).contains("./mvnw package");
  }

  @Test
  void o6_developmentBuildWithoutSbomWarns() throws Exception {
    Finding finding = check(null, "7.0.1", BulwarkProfile.DEV);

    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message()).contains("no SBOM", "offline");
  }

  @Test
  void o6_sbomOfAnotherBuildFails() throws Exception {
    Finding finding = check(sbom("6.2.0"), "7.0.1");

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("spring-core 6.2.0 but the server runs 7.0.1");
  }

  @Test
  void o6_unreadableOrForeignSbomFails() throws Exception {
    assertThat(check("{\"bomFormat\":", "7.0.1").status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void o6_sbomNotCycloneDxFails() throws Exception {
    Finding finding = check("{\"spdxVersion\":\"SPDX-2.3\"}", "7.0.1");

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("not CycloneDX");
  }

  @Test
  void o6_sbomOfThisBuildPasses() throws Exception {
    Finding finding = check(sbom("7.0.1"), "7.0.1");

    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("CycloneDX 1.6 SBOM with 2 components");
  }

  /** This module's own build: its SBOM (written by every online build) describes it. */
  @Test
  void o6_theServerModulesOwnSbomDescribesThisBuild() {
    ClassLoader classes = O6SbomCheck.class.getClassLoader();
    Finding finding =
        new O6SbomCheck(
                classes, org.springframework.core.SpringVersion.getVersion(), BulwarkProfile.DEV)
            .run();

    if (classes.getResource(O6SbomCheck.LOCATION) == null) {
      // An offline (-o) build: the plugin skipped the SBOM.
      assertThat(finding.status()).as(finding.toString()).isEqualTo(CheckStatus.WARN);
    } else {
      assertThat(finding.status()).as(finding.toString()).isEqualTo(CheckStatus.PASS);
    }
  }
}
