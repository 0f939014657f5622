package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class O3ConfigurationPlacementCheckTest {

  private static final Path DISTRIBUTION = Path.of("/opt/bulwark/lib");

  @Test
  void o3_passesWhenConfigurationAndDataLieOutsideTheDistribution() {
    var check =
        new O3ConfigurationPlacementCheck(
            DISTRIBUTION,
            List.of(Path.of("/etc/bulwark/bulwark.properties")),
            Path.of("/var/lib/bulwark"));

    assertThat(check.run().status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void o3_failsOnAConfigurationFileInsideTheDistribution() {
    var check =
        new O3ConfigurationPlacementCheck(
            DISTRIBUTION,
            List.of(Path.of("/opt/bulwark/lib/../lib/site.properties")),
            Path.of("/var/lib/bulwark"));

    Finding finding = check.run();

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("configuration /opt/bulwark/lib/site.properties");
  }

  @Test
  void o3_failsOnADataDirectoryInsideTheDistribution() {
    var check =
        new O3ConfigurationPlacementCheck(
            DISTRIBUTION, List.of(), Path.of("/opt/bulwark/lib/data"));

    assertThat(check.run().status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void o3_readsSpringsAdditionalLocations() {
    assertThat(
            O3ConfigurationPlacementCheck.configFiles(
                "optional:file:/etc/b.properties, classpath:/x.properties,/srv/c.properties"))
        .containsExactly(Path.of("/etc/b.properties"), Path.of("/srv/c.properties"));
  }
}
