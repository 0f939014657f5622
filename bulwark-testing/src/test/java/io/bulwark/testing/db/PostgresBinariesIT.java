package io.bulwark.testing.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesIT {

  @Test
  void shippedBinariesExtractAndRunWhenNoneAreInstalled(@TempDir Path scratch) {
    Path bin = PostgresBinaries.extractShipped(scratch);

    assertThat(bin.resolve("initdb")).isExecutable();
    assertThat(bin.resolve("pg_ctl")).isExecutable();
    String version =
        Processes.run(
            null,
            scratch.resolve("version.log"),
            List.of(bin.resolve("postgres").toString(), "-V"));
    assertThat(version).contains("postgres (PostgreSQL)");
  }

  @Test
  void installedBinariesArePreferredWhenPresent() {
    if (Files.isDirectory(Path.of("/usr/lib/postgresql"))) {
      assertThat(PostgresBinaries.installed()).isPresent();
      assertThat(PostgresBinaries.locate(Path.of("/nonexistent"))).isNotNull();
    } else {
      assertThat(PostgresBinaries.installed()).isEmpty();
    }
  }
}
